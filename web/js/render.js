// The result column: status line (total, time), filter chips, spelling suggestion, the hits
// and the pagination. Only title_html and snippet are inserted as HTML (see dom.js).

import { el, setServerHtml, yearSpan } from './dom.js';
import { t } from './i18n.js';
import { labelOf } from './facets.js';
import { parseYear, filterCount, urlOf } from './state.js';

export function renderStatus(node, data, loading) {
  if (loading && !data) {
    node.textContent = t('loading');
    return;
  }
  if (!data) return;
  node.replaceChildren(
    el('strong', { id: 'total', dataset: { total: data.total } }, t('total', data.total)),
    ' ',
    el('span', { class: 'muted', id: 'took' }, t('took', data.took_ms)));
}

/// Removable chips for every active filter, and "clear all".
export function renderChips(node, state, actions) {
  const chips = [];
  const chip = (label, onremove, key) =>
    el('li', {},
      el('button', { type: 'button', class: 'chip', dataset: { chip: key }, 'aria-label': t('remove', label), onclick: onremove },
        el('span', {}, label), el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×')));
  for (const v of state.type) chips.push(chip(labelOf('type', v), () => actions.toggle('type', v), `type:${v}`));
  for (const v of state.country) chips.push(chip(labelOf('country', v), () => actions.toggle('country', v), `country:${v}`));
  for (const v of state.theme) chips.push(chip(labelOf('theme', v), () => actions.toggle('theme', v), `theme:${v}`));
  if (state.year) {
    const { from, to } = parseYear(state.year);
    const label = from === to ? String(from) : `${from ?? '…'}–${to ?? '…'}`;
    chips.push(chip(`${t('facet.year')} ${label}`, () => actions.setYear(''), 'year'));
  }
  if (!chips.length) {
    node.replaceChildren();
    node.hidden = true;
    return;
  }
  node.hidden = false;
  node.replaceChildren(
    el('h2', { class: 'visually-hidden' }, t('activeFilters')),
    el('ul', { class: 'chips' }, chips,
      el('li', {}, el('button', { type: 'button', class: 'link-button', id: 'clear-all', onclick: actions.clearAll }, t('clearAll')))));
}

/// "Did you mean …" (above results) or the no-results message with it.
export function renderSuggestion(node, data, state, actions) {
  node.replaceChildren();
  if (!data) return;
  const parts = [];
  if (data.suggestion) {
    const href = urlOf({ ...state, q: data.suggestion, page: 1, doc: '' });
    parts.push(el('p', { class: 'did-you-mean' }, t('didYouMean'), ' ',
      el('a', { href, id: 'suggestion-link', onclick: (e) => { e.preventDefault(); actions.setQuery(data.suggestion); } },
        data.suggestion), ' ?'));
  }
  if (data.relaxed) {
    // Some words matched nothing together with the others and were left out (dropped_words).
    parts.unshift(el('p', { class: 'relaxed', id: 'relaxed-notice' }, t('relaxed', keptWords(state.q, data.dropped_words))));
  }
  if (data.total === 0) {
    node.append(el('div', { class: 'no-results' },
      el('p', { class: 'no-results-title' }, t('noResults', state.q)),
      parts,
      filterCount(state) ? el('p', { class: 'muted' }, t('tryFewer')) : null));
  } else {
    node.append(...parts);
  }
}

/// The query without the words the server left out (each dropped word once, as written).
export function keptWords(q, dropped) {
  const left = [...(dropped || [])];
  const strip = (w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  return q.split(/\s+/).filter((token) => {
    const i = left.indexOf(strip(token));
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  }).join(' ');
}

export function renderHits(node, data, state, actions) {
  const hits = data?.hits || [];
  node.replaceChildren(...hits.map((h) => hitItem(h, state, actions)));
  node.start = data ? (data.page - 1) * data.per_page + 1 : 1;
}

function hitItem(h, state, actions) {
  const href = urlOf({ ...state, doc: h.id });
  // dir=auto: an Arabic record reads right to left in an English page, and the reverse.
  const link = el('a', { href, class: 'hit-link', dir: 'auto', lang: h.lang || null, onclick: (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button === 1) return;
    e.preventDefault();
    actions.openDoc(h.id);
  } });
  setServerHtml(link, h.title_html || '');
  if (!link.textContent) link.textContent = h.title;

  const meta = [];
  meta.push(el('span', { class: `badge badge-${h.type}` }, t(`type.${h.type}`)));
  if (h.country?.name) meta.push(el('span', { class: 'hit-country' }, h.country.name));
  const years = yearSpan(h);
  if (years) meta.push(el('span', { class: 'hit-years' }, years));

  const org = h.type === 'activity' && h.organisation
    ? el('p', { class: 'hit-org' }, t('by'), ' ',
        el('a', { href: urlOf({ ...state, doc: h.organisation.id }), onclick: (e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          actions.openDoc(h.organisation.id);
        } }, h.organisation.acronym ? `${h.organisation.acronym} — ${h.organisation.name}` : h.organisation.name))
    : h.acronym ? el('p', { class: 'hit-org' }, h.acronym) : null;

  const snippet = h.snippet ? setServerHtml(el('p', { class: 'snippet', dir: 'auto', lang: h.lang || null }), h.snippet) : null;
  const tags = (h.themes || []).length
    ? el('ul', { class: 'tags', 'aria-label': t('facet.theme') },
        h.themes.map((th) => el('li', {}, el('button', {
          type: 'button', class: 'tag' + (state.theme.includes(th.slug) ? ' tag-on' : ''),
          'aria-pressed': String(state.theme.includes(th.slug)),
          onclick: () => actions.toggle('theme', th.slug),
        }, th.label))))
    : null;

  return el('li', { class: 'hit', dataset: { id: h.id } },
    el('article', {},
      el('p', { class: 'hit-meta' }, meta.flatMap((m, i) => (i ? [el('span', { class: 'sep', 'aria-hidden': 'true' }, '·'), m] : [m]))),
      el('h3', { class: 'hit-title' }, link),
      org, snippet, tags));
}

/// Prev / numbers with gaps / next. Links carry real URLs; clicks are handled in-page.
export function renderPagination(node, data, state, actions) {
  const pages = data?.total_pages || 0;
  if (pages <= 1) {
    node.replaceChildren();
    node.hidden = true;
    return;
  }
  node.hidden = false;
  const cur = Math.min(state.page, pages);
  const link = (p, label, cls, extra = {}) =>
    el('a', { href: urlOf({ ...state, page: p, doc: '' }), class: cls, ...extra,
      onclick: (e) => { e.preventDefault(); actions.setPage(p); } }, label);
  const items = [];
  items.push(cur > 1
    ? el('li', {}, link(cur - 1, `‹ ${t('prev')}`, 'page-prev', { rel: 'prev', id: 'page-prev' }))
    : el('li', {}, el('span', { class: 'page-prev disabled', 'aria-disabled': 'true' }, `‹ ${t('prev')}`)));
  for (const p of pageWindow(cur, pages)) {
    if (p === null) items.push(el('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    else if (p === cur) items.push(el('li', {}, el('a', { href: urlOf({ ...state, page: p, doc: '' }), class: 'page current', 'aria-current': 'page', 'aria-label': t('page', p), onclick: (e) => e.preventDefault() }, String(p))));
    else items.push(el('li', {}, link(p, String(p), 'page', { 'aria-label': t('page', p) })));
  }
  items.push(cur < pages
    ? el('li', {}, link(cur + 1, `${t('next')} ›`, 'page-next', { rel: 'next', id: 'page-next' }))
    : el('li', {}, el('span', { class: 'page-next disabled', 'aria-disabled': 'true' }, `${t('next')} ›`)));
  node.setAttribute('aria-label', t('pagination'));
  node.replaceChildren(el('ul', {}, items));
}

function pageWindow(cur, pages) {
  const want = new Set([1, pages, cur - 1, cur, cur + 1]);
  if (cur <= 3) [2, 3, 4].forEach((p) => want.add(p));
  if (cur >= pages - 2) [pages - 1, pages - 2, pages - 3].forEach((p) => want.add(p));
  const list = [...want].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < list.length; i++) {
    if (i && list[i] - list[i - 1] > 1) out.push(null);
    out.push(list[i]);
  }
  return out;
}
