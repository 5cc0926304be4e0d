// The facet column: type, country and theme checkboxes with counts, and the year histogram
// with a range selection. Counts are shown exactly as the API returns them.

import { el, replaceKeepingFocus } from './dom.js';
import { t } from './i18n.js';
import { parseYear, formatYear } from './state.js';

const COLLAPSED = 8;
const expanded = new Set(); // facets whose long list is open
const labels = { country: new Map(), theme: new Map(), type: new Map() };
let pendingYear = null; // first bar clicked, waiting for the second

/// Remembers value→label from a response, so chips can name filters absent from the facets.
export function learnLabels(facets) {
  for (const name of ['country', 'theme', 'type']) {
    for (const f of facets?.[name] || []) labels[name].set(f.value, f.label);
  }
}

export function labelOf(name, value) {
  return labels[name].get(value) || (name === 'type' ? t(`type.${value}`) : value);
}

export function forgetLabels() {
  for (const m of Object.values(labels)) m.clear();
}

/// Renders all facets into `container`. `actions.toggle(name, value)`, `actions.setYear(str)`.
export function renderFacets(container, data, state, actions) {
  const facets = data?.facets || {};
  replaceKeepingFocus(
    container,
    checkboxFacet('type', facets.type, state.type, actions),
    checkboxFacet('country', facets.country, state.country, actions),
    checkboxFacet('theme', facets.theme, state.theme, actions),
    yearFacet(facets.year || [], state.year, actions),
  );
}

function checkboxFacet(name, values = [], selected, actions) {
  const items = values.map((v) => ({ ...v }));
  // A selected value with no matches under the other filters is absent from the API's list:
  // keep it visible (count 0) so it can be unticked.
  for (const s of selected) {
    if (!items.some((i) => i.value === s)) items.push({ value: s, label: labelOf(name, s), count: 0 });
  }
  const open = expanded.has(name);
  const visible = items.filter((it, i) => open || i < COLLAPSED || selected.includes(it.value));
  const hidden = items.length - visible.length;
  const headingId = `facet-${name}-h`;

  const list = el('ul', { class: 'facet-list' },
    visible.map((it) => {
      const id = `f-${name}-${it.value}`;
      return el('li', {},
        el('input', {
          type: 'checkbox', id, name, value: it.value, checked: selected.includes(it.value),
          onchange: () => actions.toggle(name, it.value),
        }),
        el('label', { for: id },
          el('span', { class: 'facet-label' }, it.label),
          el('span', { class: 'count', dataset: { count: it.count } }, it.count.toLocaleString())));
    }));

  const more = items.length > COLLAPSED
    ? el('button', {
        type: 'button', class: 'link-button', id: `more-${name}`, 'aria-expanded': String(open),
        onclick: () => { open ? expanded.delete(name) : expanded.add(name); actions.rerender(); },
      }, open ? t('showLess') : t('showMore', hidden))
    : null;

  if (!items.length) return null; // nothing to choose from (e.g. no results)
  return el('section', { class: `facet facet-${name}`, 'aria-labelledby': headingId, dataset: { facet: name } },
    el('h3', { id: headingId }, t(`facet.${name}`)),
    el('fieldset', {}, el('legend', { class: 'visually-hidden' }, t(`facet.${name}`)), list),
    more);
}

function yearFacet(years, yearParam, actions) {
  const { from, to } = parseYear(yearParam);
  const headingId = 'facet-year-h';
  const section = el('section', { class: 'facet facet-year', 'aria-labelledby': headingId, dataset: { facet: 'year' } },
    el('h3', { id: headingId }, t('facet.year')));
  if (years.length) {
    const min = years[0].value, max = years[years.length - 1].value;
    const counts = new Map(years.map((y) => [y.value, y.count]));
    const top = Math.max(...years.map((y) => y.count), 1);
    const bars = [];
    for (let y = min; y <= max; y++) {
      const n = counts.get(y) || 0;
      const inRange = (from != null || to != null) && (from == null || y >= from) && (to == null || y <= to);
      bars.push(el('button', {
        type: 'button', tabindex: '-1', class: 'bar' + (inRange ? ' in-range' : '') + (pendingYear === y ? ' pending' : ''),
        title: t('yearBar', y, n), 'aria-label': t('yearBar', y, n), dataset: { year: y, count: n },
        style: `--h:${n ? Math.max(4, Math.round((n / top) * 100)) : 0}%`,
        onclick: () => clickBar(y, actions),
      }));
    }
    section.append(
      el('div', { class: 'histogram', 'aria-hidden': 'true' }, bars),
      el('div', { class: 'histogram-axis', 'aria-hidden': 'true' }, el('span', {}, min), el('span', {}, max)),
      el('p', { class: 'hint' }, t('yearHint')));
  }
  const fromInput = el('input', { type: 'number', id: 'year-from', name: 'year-from', inputmode: 'numeric', min: 1900, max: 2100, value: from ?? '' });
  const toInput = el('input', { type: 'number', id: 'year-to', name: 'year-to', inputmode: 'numeric', min: 1900, max: 2100, value: to ?? '' });
  section.append(el('form', {
    class: 'year-form',
    onsubmit: (e) => {
      e.preventDefault();
      pendingYear = null;
      const f = fromInput.value ? +fromInput.value : null;
      const tt = toInput.value ? +toInput.value : null;
      actions.setYear(formatYear(f, tt));
    },
  },
  el('label', { for: 'year-from' }, t('yearFrom')), fromInput,
  el('label', { for: 'year-to' }, t('yearTo')), toInput,
  el('button', { type: 'submit', id: 'year-apply', class: 'small-button' }, t('yearApply'))));
  return section;
}

function clickBar(y, actions) {
  if (pendingYear == null) {
    pendingYear = y;
    actions.setYear(String(y));
  } else {
    const first = pendingYear;
    pendingYear = null;
    actions.setYear(formatYear(first, y));
  }
}

/// Forgets a half-made bar selection (e.g. when the year filter is removed elsewhere).
export function resetYearSelection() {
  pendingYear = null;
}
