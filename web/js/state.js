// The page state and its URL form. The URL uses the /search parameter names, so a page URL
// (minus `doc`) is also a valid API query.

export const SORTS = ['relevance', 'newest', 'oldest', 'name'];

/// A fresh, empty state.
export function emptyState(uiLang) {
  return { q: '', country: [], theme: [], type: [], year: '', page: 1, sort: '', ui_lang: uiLang, doc: '' };
}

/// Reads the state from a query string ("?q=armes&country=ML").
export function stateFromSearch(search, fallbackLang) {
  const p = new URLSearchParams(search);
  const s = emptyState(fallbackLang);
  s.q = p.get('q') || '';
  s.country = unique(p.getAll('country'));
  s.theme = unique(p.getAll('theme'));
  s.type = unique(p.getAll('type')).filter((v) => v === 'activity' || v === 'organisation');
  s.year = normaliseYear(p.get('year') || '');
  const page = parseInt(p.get('page') || '1', 10);
  s.page = Number.isFinite(page) && page > 0 ? page : 1;
  const sort = p.get('sort') || '';
  s.sort = SORTS.includes(sort) ? sort : '';
  const ui = p.get('ui_lang');
  if (ui === 'en' || ui === 'fr' || ui === 'ar') s.ui_lang = ui;
  s.doc = p.get('doc') || '';
  return s;
}

/// The search parameters of a state (no `doc`), in a stable order.
export function searchParams(s, { withPage = true } = {}) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const v of s.country) p.append('country', v);
  for (const v of s.theme) p.append('theme', v);
  if (s.year) p.set('year', s.year);
  for (const v of s.type) p.append('type', v);
  if (s.sort) p.set('sort', s.sort);
  if (withPage && s.page > 1) p.set('page', String(s.page));
  if (s.ui_lang) p.set('ui_lang', s.ui_lang);
  return p;
}

/// The page URL of a state: "?q=…&ui_lang=fr" (with `doc` when a record is open).
export function urlOf(s) {
  const p = searchParams(s);
  if (s.doc) p.set('doc', s.doc);
  const qs = p.toString();
  return location.pathname + (qs ? '?' + qs : '');
}

export function filterCount(s) {
  return s.country.length + s.theme.length + s.type.length + (s.year ? 1 : 0);
}

/// Parses "2003", "2000..2005", "2010..", "..1999" into {from, to} (numbers or null).
export function parseYear(year) {
  if (!year) return { from: null, to: null };
  const m = /^(\d{1,4})?(\.\.)?(\d{1,4})?$/.exec(year);
  if (!m) return { from: null, to: null };
  const from = m[1] ? +m[1] : null;
  const to = m[2] ? (m[3] ? +m[3] : null) : from;
  return { from, to };
}

/// The inverse of parseYear; swaps a reversed range.
export function formatYear(from, to) {
  if (from != null && to != null && from > to) [from, to] = [to, from];
  if (from == null && to == null) return '';
  if (from != null && to != null && from === to) return String(from);
  return `${from ?? ''}..${to ?? ''}`;
}

function normaliseYear(y) {
  const { from, to } = parseYear(y.trim());
  return formatYear(from, to);
}

function unique(values) {
  return [...new Set(values.filter(Boolean))];
}

export function sameSearch(a, b) {
  return searchParams(a).toString() === searchParams(b).toString();
}
