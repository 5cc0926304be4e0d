// The InstantSearch example (web/instantsearch/) against the real server: what its widgets show,
// the GET /search URL of the same state, and the comparison of the two.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { apiGet, REPO_ROOT } from './server.js';
import { waitFor } from './browser.js';

export const EXAMPLE_DIR = path.join(REPO_ROOT, 'web/instantsearch');
export const HITS_PER_PAGE = 10; // the example's configure widget
export const INDEX_SORT = { peacesearch: null, peacesearch_newest: 'newest', peacesearch_oldest: 'oldest', peacesearch_name: 'name' };

/// Throws a clear message when the example's npm packages are not installed.
export function requireExamplePackages() {
  for (const p of ['instantsearch.js', 'algoliasearch', 'algoliasearch-v4', 'instantsearch.css']) {
    if (!existsSync(path.join(EXAMPLE_DIR, 'node_modules', p))) {
      throw new Error(`web/instantsearch/node_modules/${p} missing: run scripts/install-e2e.sh (npm ci in web/instantsearch)`);
    }
  }
}

/// Case and accents folded, as the engine folds them.
export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/// What the widgets show.
export function widgets(page) {
  return page.evaluate(() => {
    const list = (id) => [...document.querySelectorAll(`#${id} .ais-RefinementList-item`)].map((li) => ({
      value: li.querySelector('input').value,
      label: li.querySelector('.ais-RefinementList-labelText').textContent.trim(),
      labelHtml: li.querySelector('.ais-RefinementList-labelText').innerHTML,
      count: Number(li.querySelector('.ais-RefinementList-count').textContent.replace(/\D/g, '')),
      refined: li.querySelector('input').checked,
    }));
    const stats = document.querySelector('#nb-hits');
    const min = document.querySelector('#range-year .ais-RangeInput-input--min');
    const max = document.querySelector('#range-year .ais-RangeInput-input--max');
    return {
      nbHits: stats ? Number(stats.dataset.nbHits) : null,
      nbPages: stats ? Number(stats.dataset.nbPages) : null,
      ids: [...document.querySelectorAll('#hits .ps-hit')].map((e) => e.dataset.objectId),
      titles: [...document.querySelectorAll('#hits .ps-hit-title')].map((e) => e.textContent.replace(/\s+/g, ' ').trim()),
      page: document.querySelector('#pagination .ais-Pagination-item--selected')?.textContent.trim() ?? null,
      facets: { type: list('refinement-type'), country_name: list('refinement-country'), theme_label: list('refinement-theme') },
      year: min && { min: min.getAttribute('min'), max: min.getAttribute('max'), from: min.value, to: max.value },
      sort: document.querySelector('#sort-by select')?.value ?? null,
      query: document.querySelector('#searchbox input')?.value ?? null,
      errors: window.peacesearchExample?.errors ?? ['no peacesearchExample'],
    };
  });
}

/// A widget state: {q, countries (labels), themes (labels), types, yearFrom, yearTo, index,
/// page (1-based), uiLang} -> the GET /search URL of the same search. Country and theme labels
/// become codes and slugs through `labels` (from labelMaps()).
export function searchUrl(state, labels) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const c of state.countries ?? []) p.append('country', labels.country.get(c) ?? c);
  for (const t of state.themes ?? []) p.append('theme', labels.theme.get(t) ?? t);
  for (const t of state.types ?? []) p.append('type', t);
  if (state.yearFrom != null || state.yearTo != null) p.set('year', `${state.yearFrom ?? ''}..${state.yearTo ?? ''}`);
  const sort = INDEX_SORT[state.index ?? 'peacesearch'];
  if (sort) p.set('sort', sort);
  if (state.page && state.page > 1) p.set('page', String(state.page));
  p.set('per_page', String(HITS_PER_PAGE));
  p.set('facet_limit', '500');
  p.set('ui_lang', state.uiLang ?? 'en');
  return '/search?' + p;
}

/// Label -> code (countries) and label -> slug (themes) in one ui_lang, from /search itself.
export async function labelMaps(server, uiLang = 'en') {
  const all = await apiGet(server, `/search?per_page=1&facet_limit=500&ui_lang=${uiLang}`);
  return {
    country: new Map(all.facets.country.map((f) => [f.label, f.value])),
    theme: new Map(all.facets.theme.map((f) => [f.label, f.value])),
  };
}

const API_FACET = { type: 'type', country_name: 'country', theme_label: 'theme' };

/// Every difference between the widgets and /search's answer for the same state.
export function mismatches(view, api) {
  const out = [];
  if (view.nbHits !== api.total) out.push(`stats: ${view.nbHits} hits, /search total ${api.total}`);
  const apiIds = api.hits.map((h) => h.id);
  if (JSON.stringify(view.ids) !== JSON.stringify(apiIds)) out.push(`hits: ${view.ids.join(',')} /search: ${apiIds.join(',')}`);
  if (api.total_pages != null && view.nbPages !== api.total_pages) out.push(`nbPages ${view.nbPages}, /search total_pages ${api.total_pages}`);
  for (const [attr, name] of Object.entries(API_FACET)) {
    const key = attr === 'type' ? 'value' : 'label';
    const counts = new Map(api.facets[name].map((f) => [f[key], f.count]));
    const shown = new Set();
    for (const item of view.facets[attr]) {
      shown.add(item.value);
      const want = counts.get(item.value);
      if (item.count !== want) out.push(`${attr} "${item.value}": widget ${item.count}, /search ${want}`);
    }
    // The widget shows the most frequent values: none left out counts more than one shown.
    const unrefinedShown = view.facets[attr].filter((i) => !i.refined).map((i) => i.count);
    if (unrefinedShown.length) {
      const least = Math.min(...unrefinedShown);
      const above = api.facets[name].filter((f) => !shown.has(f[key]) && f.count > least);
      if (above.length) out.push(`${attr}: left out ${above.map((f) => `${f[key]}=${f.count}`).join(', ')} while showing a count of ${least}`);
    }
  }
  // The range input's bounds are the years' facets_stats: /search's year facet, from first to last.
  const years = api.facets.year.filter((y) => y.count > 0).map((y) => y.value);
  if (view.year && years.length) {
    const want = { min: String(Math.min(...years)), max: String(Math.max(...years)) };
    if (view.year.min !== want.min || view.year.max !== want.max) {
      out.push(`year range bounds ${view.year.min}..${view.year.max}, /search years ${want.min}..${want.max}`);
    }
  }
  return out;
}

/// Waits until the widgets show what GET /search answers for `state`; returns {api, view}.
export async function waitForMatch(page, server, state, labels, { timeout = 10000 } = {}) {
  const url = searchUrl(state, labels);
  const api = await apiGet(server, url);
  let last = [];
  try {
    return await waitFor(async () => {
      const view = await widgets(page);
      if (view.errors.length) throw new Error(`page errors: ${view.errors.join('; ')}`);
      last = mismatches(view, api);
      return last.length === 0 && { api, view };
    }, { timeout, message: `widgets to match ${url}` });
  } catch (e) {
    throw new Error(`${e.message}\n  differences: ${last.join('\n    ')}`);
  }
}
