// The real npm clients in Node, no browser: algoliasearch 4 lite (its browser build, given
// Node's HTTP requester) and algoliasearch 5 liteClient, from web/instantsearch/node_modules,
// call the server's Algolia protocol; every number is compared with GET /search.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startServer, apiGet } from '../helpers/server.js';
import { requireExamplePackages, EXAMPLE_DIR, fold, searchUrl, labelMaps } from '../helpers/instantsearch.js';

let server;
const clients = {};

/// The two clients behind one interface: search(requests) -> results, facetSearch(request).
function makeClients(host) {
  const v4Require = createRequire(path.join(EXAMPLE_DIR, 'node_modules/algoliasearch-v4/package.json'));
  // The lite build itself (what browsers run): `algoliasearch-v4/lite` in Node is the full client.
  const algoliasearchV4Lite = v4Require('./dist/algoliasearch-lite.umd.js');
  const { createNodeHttpRequester } = v4Require('@algolia/requester-node-http');
  const { createInMemoryCache } = v4Require('@algolia/cache-in-memory');
  const v4 = algoliasearchV4Lite('peacesearch', 'any-key', {
    hosts: [{ url: host, protocol: 'http' }],
    requester: createNodeHttpRequester(),
    hostsCache: createInMemoryCache(),
  });
  const { liteClient } = createRequire(path.join(EXAMPLE_DIR, 'package.json'))('algoliasearch/lite');
  const v5 = liteClient('peacesearch', 'any-key', { hosts: [{ url: host, accept: 'readWrite', protocol: 'http' }] });
  return {
    v4: {
      search: async (requests) => (await v4.search(requests.map(({ indexName, ...params }) => ({ indexName, params })))).results,
      facetSearch: async ({ indexName, facet, facetQuery, ...params }) =>
        (await v4.searchForFacetValues([{ indexName, params: { facetName: facet, facetQuery, ...params } }]))[0],
    },
    v5: {
      search: async (requests) => (await v5.search({ requests })).results,
      facetSearch: async (request) => (await v5.search({ requests: [{ ...request, type: 'facet' }] })).results[0],
    },
  };
}

const asMap = (facet, key = 'value') => Object.fromEntries(facet.map((f) => [f[key], f.count]));

before(async () => {
  requireExamplePackages();
  server = await startServer();
  Object.assign(clients, makeClients(new URL(server.url).host));
});
after(async () => {
  await server?.stop();
});

test('the browser tests\' widget state -> /search URL mapping', async () => {
  const labels = await labelMaps(server, 'en');
  const url = new URL('http://x' + searchUrl({ q: 'paix', countries: ['Mali', 'Niger'], themes: ['Youth'], yearFrom: 2000, index: 'peacesearch_name', page: 2 }, labels));
  assert.deepEqual(url.searchParams.getAll('country'), ['ML', 'NE']);
  assert.deepEqual(url.searchParams.getAll('theme'), ['youth']);
  assert.equal(url.searchParams.get('year'), '2000..');
  assert.equal(url.searchParams.get('sort'), 'name');
  assert.equal(url.searchParams.get('page'), '2');
  assert.equal(url.searchParams.get('q'), 'paix');
});

for (const version of ['v4', 'v5']) {
  describe(`algoliasearch ${version} lite in Node`, () => {
    const search = (requests) => clients[version].search(requests);

    test('facetFilters (two countries OR-ed) and numericFilters (a year range): nbHits, hits, facets', async () => {
      const top = await apiGet(server, '/search?q=paix&facet_limit=500');
      const [a, b] = top.facets.country.map((f) => f.value);
      const api = await apiGet(server, `/search?q=paix&country=${a}&country=${b}&year=2000..2010&per_page=5&facet_limit=500`);
      assert.ok(api.total > 0);
      const [r] = await search([{
        indexName: 'peacesearch', query: 'paix', hitsPerPage: 5, maxValuesPerFacet: 100,
        facets: ['country', 'theme', 'type', 'year'],
        facetFilters: [[`country:${a}`, `country:${b}`]], numericFilters: ['year>=2000', 'year<=2010'],
      }]);
      assert.equal(r.nbHits, api.total);
      assert.equal(r.nbPages, api.total_pages);
      assert.equal(r.page, 0);
      assert.equal(r.hitsPerPage, 5);
      assert.equal(r.exhaustiveNbHits, true);
      assert.deepEqual(r.hits.map((h) => h.objectID), api.hits.map((h) => h.id));
      // Facets not filtered on are /search's; the filtered one counts its two values as /search does.
      assert.deepEqual(r.facets.theme, asMap(api.facets.theme));
      assert.deepEqual(r.facets.type, asMap(api.facets.type));
      assert.deepEqual({ [a]: r.facets.country[a], [b]: r.facets.country[b] }, { [a]: asMap(api.facets.country)[a], [b]: asMap(api.facets.country)[b] });
    });

    test('the helper\'s extra disjunctive request (facets as a bare string, hitsPerPage 0) has /search\'s counts', async () => {
      const api = await apiGet(server, '/search?q=paix&country=ML&type=activity&year=2000..2010&facet_limit=500');
      const [main, forCountry, forType] = await search([
        { indexName: 'peacesearch', query: 'paix', facets: ['country', 'type'], hitsPerPage: 10, maxValuesPerFacet: 100,
          facetFilters: [['country:ML'], ['type:activity']], numericFilters: ['year>=2000', 'year<=2010'] },
        { indexName: 'peacesearch', query: 'paix', facets: 'country', hitsPerPage: 0, page: 0, maxValuesPerFacet: 100,
          analytics: false, clickAnalytics: false, attributesToRetrieve: [], attributesToHighlight: [], attributesToSnippet: [],
          facetFilters: [['type:activity']], numericFilters: ['year>=2000', 'year<=2010'] },
        { indexName: 'peacesearch', query: 'paix', facets: 'type', hitsPerPage: 0, page: 0, maxValuesPerFacet: 100,
          analytics: false, clickAnalytics: false, attributesToRetrieve: [], attributesToHighlight: [], attributesToSnippet: [],
          facetFilters: [['country:ML']], numericFilters: ['year>=2000', 'year<=2010'] },
      ]);
      assert.equal(main.nbHits, api.total);
      assert.equal(forCountry.hits.length, 0);
      assert.deepEqual(forCountry.facets.country, asMap(api.facets.country));
      assert.deepEqual(forType.facets.type, asMap(api.facets.type));
    });

    test('country_name and theme_label in ui_lang, year facet and facets_stats', async () => {
      const api = await apiGet(server, '/search?q=armes&ui_lang=fr&facet_limit=500');
      const [r] = await search([{ indexName: 'peacesearch', query: 'armes', ui_lang: 'fr', hitsPerPage: 3, maxValuesPerFacet: 100,
        facets: ['country_name', 'theme_label', 'year'] }]);
      assert.equal(r.nbHits, api.total);
      assert.deepEqual(r.facets.country_name, asMap(api.facets.country, 'label'));
      assert.deepEqual(r.facets.theme_label, asMap(api.facets.theme, 'label'));
      assert.deepEqual(r.facets.year, Object.fromEntries(api.facets.year.map((y) => [String(y.value), y.count])));
      const years = api.facets.year.map((y) => y.value);
      assert.equal(r.facets_stats.year.min, Math.min(...years));
      assert.equal(r.facets_stats.year.max, Math.max(...years));
      const hit = r.hits[0];
      assert.equal(typeof hit.country_name, 'string');
      assert.ok(Array.isArray(hit.theme) && Array.isArray(hit.theme_label));
      assert.equal(hit.objectID, api.hits[0].id);
    });

    test('facetFilters by label, exclusions and the filters string', async () => {
      const fr = await apiGet(server, '/search?ui_lang=fr&facet_limit=500');
      const country = fr.facets.country[0];
      const theme = fr.facets.theme[0];
      const api = await apiGet(server, `/search?country=${country.value}&theme=${theme.value}&type=organisation`);
      const [byLabel, byFilters] = await search([
        { indexName: 'peacesearch', ui_lang: 'fr', hitsPerPage: 0,
          facetFilters: [`country_name:${country.label}`, [`theme_label:${theme.label}`], 'type:-activity'] },
        { indexName: 'peacesearch', hitsPerPage: 0,
          filters: `country:${country.value} AND (theme:${theme.value}) AND NOT type:activity` },
      ]);
      assert.equal(byLabel.nbHits, api.total);
      assert.equal(byFilters.nbHits, api.total);
    });

    test('a year range matches the records with a year inside it, as /search?year=A..B', async () => {
      // Organisations' years have gaps (founded 1995, activities in 2004 and 2012): a narrow
      // range tells "a year in the range" from "a year >= A and a year <= B".
      for (const [from, to] of [[2000, 2001], [2005, 2005], [1990, 2003]]) {
        const api = await apiGet(server, `/search?year=${from}..${to}&per_page=5`);
        const forms = [
          { numericFilters: [`year>=${from}`, `year<=${to}`] }, // what rangeInput sends
          { numericFilters: [`year:${from} TO ${to}`] },
          { filters: `year:${from} TO ${to}` },
          { filters: `year >= ${from} AND year <= ${to}` },
        ];
        const results = await search(forms.map((f) => ({ indexName: 'peacesearch', hitsPerPage: 5, ...f })));
        results.forEach((r, i) => {
          assert.equal(r.nbHits, api.total, `${JSON.stringify(forms[i])}: nbHits ${r.nbHits}, /search year=${from}..${to} total ${api.total}`);
        });
        assert.deepEqual(results[0].hits.map((h) => h.objectID), api.hits.map((h) => h.id));
      }
    });

    test('each index name is a sort: the same hits in the same order as /search', async () => {
      for (const [index, sort] of [['peacesearch', null], ['peacesearch_newest', 'newest'], ['peacesearch_oldest', 'oldest'], ['peacesearch_name', 'name']]) {
        for (const q of ['', 'paix']) {
          const api = await apiGet(server, `/search?q=${q}&per_page=7&page=2${sort ? `&sort=${sort}` : ''}`);
          const [r] = await search([{ indexName: index, query: q, hitsPerPage: 7, page: 1 }]);
          assert.equal(r.index, index);
          assert.deepEqual(r.hits.map((h) => h.objectID), api.hits.map((h) => h.id), `${index} q=${q}`);
        }
      }
    });

    test('facet-value search: labels matched by word prefix, counts as /search\'s', async () => {
      const api = await apiGet(server, '/search?q=paix&facet_limit=500');
      const prefix = fold(api.facets.country.find((f) => /^[A-Za-z]{3}/.test(f.label)).label.slice(0, 3));
      const expected = api.facets.country.filter((f) => fold(f.label).split(/[^\p{L}]+/u).some((w) => w.startsWith(prefix)));
      const r = await clients[version].facetSearch({ indexName: 'peacesearch', facet: 'country_name', facetQuery: prefix, query: 'paix', maxFacetHits: 100 });
      const counts = asMap(api.facets.country, 'label');
      for (const hit of r.facetHits) {
        assert.equal(hit.count, counts[hit.value], hit.value);
        assert.match(hit.highlighted, /<em>|__ais-highlight__|<mark>/, `highlighted ${hit.highlighted}`);
      }
      const got = new Set(r.facetHits.map((h) => h.value));
      assert.deepEqual(expected.filter((f) => !got.has(f.label)).map((f) => f.label), [], `"${prefix}" facet hits: ${[...got].join(', ')}`);
    });

    test('highlight and snippet of a folded match with custom tags', async () => {
      const api = await apiGet(server, '/search?q=securite');
      const [r] = await search([{ indexName: 'peacesearch', query: 'securite', hitsPerPage: 20,
        highlightPreTag: '<b>', highlightPostTag: '</b>', attributesToSnippet: ['description:12'], snippetEllipsisText: '[…]' }]);
      assert.equal(r.nbHits, api.total);
      const accented = r.hits.flatMap((h) => [...(h._highlightResult?.title?.value ?? '').matchAll(/<b>(.*?)<\/b>/g)].map((m) => m[1]))
        .filter((w) => w.toLowerCase() !== fold(w));
      assert.ok(accented.length > 0, 'an accented title word marked for "securite"');
      const hit = r.hits.find((h) => /<b>/.test(h._highlightResult?.title?.value ?? ''));
      assert.ok(['partial', 'full'].includes(hit._highlightResult.title.matchLevel));
      assert.ok(hit._highlightResult.title.matchedWords.length > 0);
      const snippets = r.hits.map((h) => h._snippetResult?.description?.value).filter(Boolean);
      assert.ok(snippets.length > 0, 'description snippets');
      for (const s of snippets) {
        const words = s.replace(/<\/?b>|\[…\]/g, ' ').split(/\s+/).filter(Boolean);
        // About 12 words (a server may count bytes); the descriptions are far longer.
        assert.ok(words.length <= 24, `a 12-word snippet has ${words.length} words: ${s}`);
      }
    });

    test('an unknown index is a 404 with message and status', async () => {
      await assert.rejects(search([{ indexName: 'nope', query: 'x' }]), (e) => {
        assert.equal(e.status, 404);
        assert.ok(e.message, 'a message');
        return true;
      });
    });
  });
}

describe('--algolia-api-key', () => {
  const KEY = 'e2e-search-key';
  let keyed;
  before(async () => {
    keyed = await startServer({ args: ['--algolia-api-key', KEY] });
  });
  after(async () => {
    await keyed?.stop();
  });

  const post = (query, headers = {}) => fetch(`${keyed.url}/1/indexes/*/queries${query}`, {
    method: 'POST', headers: { 'content-type': 'text/plain', ...headers },
    body: JSON.stringify({ requests: [{ indexName: 'peacesearch', query: 'paix', hitsPerPage: 0 }] }),
  });

  test('requests without the key, or with another, are refused with message and status', async () => {
    for (const res of [await post(''), await post('?x-algolia-api-key=wrong&x-algolia-application-id=x')]) {
      assert.ok(res.status === 401 || res.status === 403, `status ${res.status}`);
      const body = await res.json();
      assert.equal(body.status, res.status);
      assert.ok(body.message);
    }
  });

  test('the key in the query string (lite clients) or in the header is accepted', async () => {
    const api = await apiGet(keyed, '/search?q=paix');
    for (const res of [await post(`?x-algolia-api-key=${KEY}&x-algolia-application-id=x`), await post('', { 'x-algolia-api-key': KEY })]) {
      assert.equal(res.status, 200);
      assert.equal((await res.json()).results[0].nbHits, api.total);
    }
    const { liteClient } = createRequire(path.join(EXAMPLE_DIR, 'package.json'))('algoliasearch/lite');
    const host = new URL(keyed.url).host;
    const good = liteClient('peacesearch', KEY, { hosts: [{ url: host, accept: 'readWrite', protocol: 'http' }] });
    assert.equal((await good.search({ requests: [{ indexName: 'peacesearch', query: 'paix' }] })).results[0].nbHits, api.total);
    const bad = liteClient('peacesearch', 'not-the-key', { hosts: [{ url: host, accept: 'readWrite', protocol: 'http' }] });
    await assert.rejects(bad.search({ requests: [{ indexName: 'peacesearch', query: 'paix' }] }), (e) => e.status >= 400 && e.status < 500);
  });
});
