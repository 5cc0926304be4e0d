// The browser tests of the InstantSearch example (web/instantsearch/: instantsearch.js and
// algoliasearch from npm, unmodified) against the real server's Algolia protocol, for one client
// (tests/instantsearch-v4.test.js, tests/instantsearch-v5.test.js: one file each, so each stays
// within the runner's per-file timeout): in each state the numbers the widgets show are the
// numbers GET /search gives for that state. No count is written down here: /search is the reference.

import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.js';
import { launchBrowser, newPage, waitFor } from './browser.js';
import { requireExamplePackages, widgets, waitForMatch, labelMaps, fold, HITS_PER_PAGE } from './instantsearch.js';

/// Opens the example with one client; records every request that leaves the server's origin
/// or that the protocol answers with an error.
async function openExample({ client, server, browser, opened }, { uiLang = 'en', extra = '' } = {}) {
  const page = await newPage(browser);
  opened.push(page);
  page.foreign = [];
  page.failed = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) page.foreign.push(r.url());
  });
  page.on('response', (r) => {
    if (r.url().includes('/1/indexes/') && r.status() >= 400) page.failed.push(`${r.status()} ${r.request().method()} ${r.url()} ${r.request().postData()}`);
  });
  await page.goto(`${server.url}/instantsearch/?client=${client}&ui_lang=${uiLang}${extra}`);
  await waitFor(() => page.evaluate(() => document.documentElement.dataset.client), { message: 'the example to start' });
  return page;
}

function assertClean(page) {
  assert.deepEqual(page.failed, [], 'protocol requests that failed');
  assert.deepEqual(page.foreign, [], 'requests to other origins');
  assert.deepEqual(page.errors, [], 'page errors');
}

/// Ticks a refinementList item by its value (a country or theme name, a type).
async function tick(page, container, value) {
  await page.locator(`#${container} .ais-RefinementList-item`).filter({ has: page.locator(`input[value="${value.replace(/"/g, '\\"')}"]`) })
    .locator('input').click();
}

async function typeQuery(page, q) {
  await page.locator('#searchbox .ais-SearchBox-input').pressSequentially(q, { delay: 30 });
}

/// Registers the suite for one client ('v4' or 'v5'); with `defaultClient`, also checks that
/// the page without ?client= uses that one.
export function instantsearchSuite(client, { defaultClient = false } = {}) {
  let server, browser;
  const labels = {};
  const opened = [];
  const open = (options) => openExample({ client, server, browser, opened }, options);
  before(async () => {
    requireExamplePackages();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    for (const lang of ['en', 'fr']) labels[lang] = await labelMaps(server, lang);
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.context().close().catch(() => {});
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe(`InstantSearch example with algoliasearch ${client} lite`, () => {
    test('the page loads its packages from the server and uses the chosen client', async () => {
      const page = await open();
      const agent = await page.evaluate(() => window.peacesearchExample.client);
      assert.equal(agent, client);
      const seen = [];
      page.on('request', (r) => { if (r.url().includes('/1/indexes/')) seen.push(r); });
      await waitForMatch(page, server, {}, labels.en);
      await typeQuery(page, 'p');
      // v4 lite sends url-encoded params inside JSON, v5 lite the parameters as JSON fields
      const queryOf = (r) => {
        const first = JSON.parse(r.postData()).requests[0];
        return client === 'v4' ? new URLSearchParams(first.params).get('query') : first.query;
      };
      const req = await waitFor(() => seen.find((r) => queryOf(r) === 'p'), { message: 'a protocol request for "p"' });
      const url = new URL(req.url());
      assert.equal(url.origin, server.url);
      assert.equal(url.pathname, '/1/indexes/*/queries');
      assert.match(url.searchParams.get('x-algolia-agent'), client === 'v4' ? /\(4\.\d+\.\d+\); Browser \(lite\)/ : /\(5\.\d+\.\d+\); Lite/);
      assert.equal(typeof JSON.parse(req.postData()).requests[0].params, client === 'v4' ? 'string' : 'undefined');
      await waitForMatch(page, server, { q: 'p' }, labels.en);
      assertClean(page);
    });

    test('no query: stats, facets, year bounds and hits are /search\'s', async () => {
      const page = await open();
      const { view } = await waitForMatch(page, server, {}, labels.en);
      assert.equal(view.ids.length, HITS_PER_PAGE);
      assert.ok(view.facets.country_name.length > 1 && view.facets.theme_label.length > 1 && view.facets.type.length === 2);
      assertClean(page);
    });

    test('a query', async () => {
      const page = await open();
      await typeQuery(page, 'paix');
      const { api, view } = await waitForMatch(page, server, { q: 'paix' }, labels.en);
      assert.ok(api.total > HITS_PER_PAGE, 'paix should match more than a page');
      assert.equal(view.query, 'paix');
      assertClean(page);
    });

    test('two countries ticked, then the clear-refinements button', async () => {
      const page = await open();
      await typeQuery(page, 'paix');
      const first = await waitForMatch(page, server, { q: 'paix' }, labels.en);
      const [a, b] = first.view.facets.country_name.map((f) => f.value);
      await tick(page, 'refinement-country', a);
      await waitForMatch(page, server, { q: 'paix', countries: [a] }, labels.en);
      await tick(page, 'refinement-country', b);
      const { view } = await waitForMatch(page, server, { q: 'paix', countries: [a, b] }, labels.en);
      assert.deepEqual(view.facets.country_name.filter((f) => f.refined).map((f) => f.value).sort(), [a, b].sort());
      const chips = await page.locator('#current-refinements .ais-CurrentRefinements-categoryLabel').allTextContents();
      assert.deepEqual(chips.map((c) => c.trim()).sort(), [a, b].sort());

      await page.locator('#clear-refinements .ais-ClearRefinements-button').click();
      await waitForMatch(page, server, { q: 'paix' }, labels.en);
      assertClean(page);
    });

    test('a year range, then a type ticked, then a lower bound only', async () => {
      const page = await open();
      await waitForMatch(page, server, {}, labels.en);
      // A narrow range: organisations' years have gaps, so "a year in the range" matters.
      await page.locator('#range-year .ais-RangeInput-input--min').fill('2000');
      await page.locator('#range-year .ais-RangeInput-input--max').fill('2001');
      await page.locator('#range-year .ais-RangeInput-submit').click();
      const { view } = await waitForMatch(page, server, { yearFrom: 2000, yearTo: 2001 }, labels.en);
      assert.deepEqual([view.year.from, view.year.to], ['2000', '2001']);
      await tick(page, 'refinement-type', 'organisation');
      await waitForMatch(page, server, { types: ['organisation'], yearFrom: 2000, yearTo: 2001 }, labels.en);
      await page.locator('#range-year .ais-RangeInput-input--max').fill('');
      await page.locator('#range-year .ais-RangeInput-submit').click();
      await waitForMatch(page, server, { types: ['organisation'], yearFrom: 2000 }, labels.en);
      assertClean(page);
    });

    test('a sort: name, then newest with a query', async () => {
      const page = await open();
      await waitForMatch(page, server, {}, labels.en);
      await page.locator('#sort-by select').selectOption('peacesearch_name');
      const byName = await waitForMatch(page, server, { index: 'peacesearch_name' }, labels.en);
      assert.equal(byName.view.sort, 'peacesearch_name');
      await typeQuery(page, 'armes');
      await waitForMatch(page, server, { q: 'armes', index: 'peacesearch_name' }, labels.en);
      await page.locator('#sort-by select').selectOption('peacesearch_newest');
      await waitForMatch(page, server, { q: 'armes', index: 'peacesearch_newest' }, labels.en);
      await page.locator('#sort-by select').selectOption('peacesearch_oldest');
      await waitForMatch(page, server, { q: 'armes', index: 'peacesearch_oldest' }, labels.en);
      assertClean(page);
    });

    test('a page: 2, then the next one, with a query and a theme', async () => {
      const page = await open();
      await typeQuery(page, 'paix');
      const first = await waitForMatch(page, server, { q: 'paix' }, labels.en);
      const theme = first.view.facets.theme_label[0].value;
      await tick(page, 'refinement-theme', theme);
      const state = { q: 'paix', themes: [theme] };
      const one = await waitForMatch(page, server, state, labels.en);
      assert.ok(one.api.total > 2 * HITS_PER_PAGE, 'needs three pages');
      await page.locator('#pagination .ais-Pagination-item--page .ais-Pagination-link', { hasText: /^2$/ }).click();
      const two = await waitForMatch(page, server, { ...state, page: 2 }, labels.en);
      assert.equal(two.view.page, '2');
      assert.notDeepEqual(two.view.ids, one.view.ids);
      await page.locator('#pagination .ais-Pagination-item--nextPage .ais-Pagination-link').click();
      const three = await waitForMatch(page, server, { ...state, page: 3 }, labels.en);
      assert.equal(three.view.page, '3');
      assertClean(page);
    });

    test('searching a searchable refinementList shows facet values with /search\'s counts', async () => {
      const page = await open();
      await typeQuery(page, 'paix');
      const base = await waitForMatch(page, server, { q: 'paix' }, labels.en);
      // A prefix of a country that is not among the values already shown, so the items come
      // from the facet search and not from the list.
      const shown = new Set(base.view.facets.country_name.map((f) => f.value));
      const target = base.api.facets.country.find((f) => !shown.has(f.label) && /^[A-Za-z]{4}/.test(f.label));
      assert.ok(target, 'a country outside the first ten');
      const prefix = target.label.slice(0, 4).toLowerCase();
      await page.locator('#refinement-country .ais-SearchBox-input').pressSequentially(prefix, { delay: 40 });
      // Every country of /search's facet whose name has a word starting with the prefix.
      const wordStarts = (label) => fold(label).split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(fold(prefix)));
      const expected = base.api.facets.country.filter((f) => wordStarts(f.label));
      const counts = new Map(base.api.facets.country.map((f) => [f.label, f.count]));
      const view = await waitFor(async () => {
        const v = await widgets(page);
        const values = new Set(v.facets.country_name.map((f) => f.value));
        return expected.every((f) => values.has(f.label)) && v;
      }, { message: `facet search "${prefix}" to show ${expected.map((f) => f.label).join(', ')}` });
      for (const item of view.facets.country_name) {
        assert.equal(item.count, counts.get(item.value), `facet hit ${item.value}`);
      }
      // The facet hits are highlighted
      assert.ok(view.facets.country_name.some((f) => /<mark/.test(f.labelHtml)), 'highlighted facet hits');
      // Ticking one of them filters the search
      await tick(page, 'refinement-country', target.label);
      await waitForMatch(page, server, { q: 'paix', countries: [target.label] }, labels.en);
      assertClean(page);
    });

    test('theme labels, facet search and counts in French (ui_lang=fr)', async () => {
      const page = await open({ uiLang: 'fr' });
      const base = await waitForMatch(page, server, { uiLang: 'fr' }, labels.fr);
      assert.ok(base.view.facets.theme_label.every((f) => labels.fr.theme.has(f.value)), 'French theme labels');
      await page.locator('#refinement-theme .ais-SearchBox-input').pressSequentially('arme', { delay: 40 });
      const expected = base.api.facets.theme.filter((f) => fold(f.label).split(/[^\p{L}]+/u).some((w) => w.startsWith('arme')));
      assert.ok(expected.length > 0, 'a French theme label with a word starting "arme"');
      const view = await waitFor(async () => {
        const v = await widgets(page);
        return expected.every((f) => v.facets.theme_label.some((i) => i.value === f.label)) && v;
      }, { message: 'theme facet search "arme"' });
      const counts = new Map(base.api.facets.theme.map((f) => [f.label, f.count]));
      for (const item of view.facets.theme_label) assert.equal(item.count, counts.get(item.value), item.value);
      await tick(page, 'refinement-theme', expected[0].label);
      await waitForMatch(page, server, { uiLang: 'fr', themes: [expected[0].label] }, labels.fr);
      assertClean(page);
    });

    test('a folded and stemmed match is highlighted: "securite" marks "sécurité"', async () => {
      const page = await open();
      await typeQuery(page, 'securite');
      const { api } = await waitForMatch(page, server, { q: 'securite' }, labels.en);
      // /search marks an accented form on this page…
      const accented = (w) => fold(w).startsWith('secur') && w.toLowerCase() !== fold(w);
      const apiMarks = api.hits.flatMap((h) => [...`${h.title_html ?? ''} ${h.snippet ?? ''}`.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]));
      assert.ok(apiMarks.some(accented), `/search marks an accented form: ${apiMarks.join(', ')}`);
      // …and so do the widgets (Highlight and Snippet turn the protocol's tags into <mark>)
      const marks = await page.locator('#hits mark').allTextContents();
      assert.ok(marks.some(accented), `highlighted: ${marks.join(', ')}`);
      const titleMarks = await page.locator('#hits .ps-hit-title mark').allTextContents();
      const apiTitleMarks = api.hits.flatMap((h) => [...(h.title_html ?? '').matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]));
      assert.deepEqual(titleMarks.map(fold), apiTitleMarks.map(fold), 'the same title words marked as /search marks');
      assertClean(page);
    });
  });

  if (defaultClient) {
    describe('InstantSearch example without ?client=', () => {
      test(`uses algoliasearch ${client} lite`, async () => {
        const page = await newPage(browser);
        opened.push(page);
        await page.goto(`${server.url}/instantsearch/`);
        await waitFor(() => page.evaluate(() => window.peacesearchExample?.search?.started), { message: 'start' });
        assert.equal(await page.evaluate(() => window.peacesearchExample.client), client);
        const { view } = await waitForMatch(page, server, {}, labels.en);
        assert.deepEqual(view.errors, []);
      });
    });
  }
}
