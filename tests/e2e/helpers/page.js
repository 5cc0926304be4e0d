// Reading what the search page shows, and comparing it with what the API says for the same URL.

import { apiGet } from './server.js';
import { waitFor } from './browser.js';

/// The facet_limit the page sends (web/js/api.js), so the API is asked what the page was.
export const FACET_LIMIT = 300;

/// What the page renders: total, hit ids, facet values with counts, year bars, page, query.
export function rendered(page) {
  return page.evaluate(() => {
    const facet = (name) => [...document.querySelectorAll(`[data-facet=${name}] li`)].map((li) => ({
      value: li.querySelector('input').value,
      label: li.querySelector('.facet-label').textContent,
      count: Number(li.querySelector('.count').dataset.count),
      checked: li.querySelector('input').checked,
    }));
    const total = document.querySelector('#total');
    return {
      total: total ? Number(total.dataset.total) : null,
      ids: [...document.querySelectorAll('#results .hit')].map((li) => li.dataset.id),
      facets: { type: facet('type'), country: facet('country'), theme: facet('theme') },
      years: [...document.querySelectorAll('.bar')].map((b) => ({ value: Number(b.dataset.year), count: Number(b.dataset.count) })),
      page: document.querySelector('.pagination .current')?.textContent ?? null,
      q: document.querySelector('#q').value,
    };
  });
}

/// The /search parameters of the page's current URL.
export function pageParams(page) {
  const p = new URL(page.url()).searchParams;
  p.delete('doc');
  return p;
}

/// Waits until the page shows exactly the total and hits GET /search gives for the page's own
/// URL (with the facet_limit the page uses); returns {api, view, params}.
export async function waitForApiMatch(page, server, { timeout = 10000 } = {}) {
  let seen = '';
  return waitFor(async () => {
    const params = pageParams(page);
    params.set('facet_limit', String(FACET_LIMIT));
    const api = await apiGet(server, '/search?' + params);
    const view = await rendered(page);
    seen = `url ${page.url()} view total ${view.total} api total ${api.total}`;
    if (view.total !== api.total) return false;
    if (JSON.stringify(view.ids) !== JSON.stringify(api.hits.map((h) => h.id))) return false;
    return { api, view, params };
  }, { timeout, message: 'page to match the API' }).catch((e) => { throw new Error(`${e.message} (${seen})`); });
}

/// Waits until the page URL satisfies `pred(URLSearchParams)`.
export function waitForUrl(page, pred, message = 'URL') {
  return waitFor(() => pred(new URL(page.url()).searchParams), { message });
}

/// Checks every rendered facet value against the API's count for it.
export function facetMismatches(view, api, names = ['type', 'country', 'theme']) {
  const out = [];
  for (const name of names) {
    const counts = new Map(api.facets[name].map((f) => [f.value, f.count]));
    for (const f of view.facets[name]) {
      const want = counts.get(f.value) ?? 0;
      if (f.count !== want) out.push(`${name}=${f.value}: page ${f.count}, API ${want}`);
    }
  }
  return out;
}
