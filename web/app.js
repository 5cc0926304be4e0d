// The search page controller: holds the state, keeps it in the URL, runs searches and hands
// the answers to the renderers. Modules: js/state.js (URL <-> state), js/api.js, js/render.js,
// js/facets.js, js/map-panel.js (the world map, drawn by js/map.js), js/autocomplete.js,
// js/detail.js, js/i18n.js.

import { t, setLang, defaultLang, translateStatic } from './js/i18n.js';
import { stateFromSearch, searchParams, urlOf, sameSearch, filterCount } from './js/state.js';
import * as api from './js/api.js';
import { renderFacets, learnLabels, resetYearSelection } from './js/facets.js';
import { renderStatus, renderChips, renderSuggestion, renderHits, renderPagination } from './js/render.js';
import { Autocomplete } from './js/autocomplete.js';
import { DetailView } from './js/detail.js';
import { MapPanel } from './js/map-panel.js';

const TYPING_DEBOUNCE_MS = 150;
const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'), input: $('q'), listbox: $('suggestions'), status: $('status'),
  chips: $('chips'), suggestion: $('suggestion'), results: $('results'), pagination: $('pagination'),
  facets: $('facets'), filters: $('filters'), filtersSummary: $('filters-summary'), sort: $('sort'),
  resultsHeading: $('results-heading'), main: $('main'), mapPanel: $('map-panel'), map: $('map'),
};

let state = stateFromSearch(location.search, defaultLang());
let data = null;
let searchSeq = 0;
let typingTimer = 0;
let typingSession = false; // the first keystroke pushes a history entry, the following replace it
let docPushed = false; // the open record was opened in-page, so closing it can go back
let focusResultsAfterSearch = false;

const actions = {
  toggle(name, value) {
    const list = state[name].includes(value) ? state[name].filter((v) => v !== value) : [...state[name], value];
    commit({ ...state, [name]: list, page: 1, doc: '' });
  },
  setYear(year) {
    if (!year) resetYearSelection();
    commit({ ...state, year, page: 1, doc: '' });
  },
  clearAll() {
    resetYearSelection();
    commit({ ...state, country: [], theme: [], type: [], year: '', page: 1, doc: '' });
    ui.input.focus();
  },
  setQuery(q) {
    ui.input.value = q;
    commit({ ...state, q, page: 1, doc: '' });
  },
  setPage(page) {
    focusResultsAfterSearch = true;
    commit({ ...state, page, doc: '' });
  },
  openDoc(id) {
    docPushed = true;
    commit({ ...state, doc: id });
  },
  rerender() {
    renderFacets(ui.facets, data, state, actions);
  },
};

const detail = new DetailView($('doc-dialog'), {
  openDoc: (id) => actions.openDoc(id),
  searchFor: (text) => {
    detail.closeQuietly();
    actions.setQuery(text);
  },
  onClose: () => {
    if (docPushed) {
      docPushed = false;
      history.back();
    } else {
      commit({ ...state, doc: '' }, 'replace');
    }
  },
});

const mapPanel = new MapPanel(ui.mapPanel, ui.map, actions);

const autocomplete = new Autocomplete(ui.input, ui.listbox, {
  getLang: () => state.ui_lang,
  onChoose(s) {
    clearTimeout(typingTimer);
    typingSession = false;
    if (s.kind === 'organisation') {
      actions.openDoc(s.id || s.value);
    } else if (s.kind === 'country' || s.kind === 'theme') {
      // The typed word was only there to find the filter: drop it, then toggle the filter.
      const q = ui.input.value.trim().split(/\s+/).slice(0, -1).join(' ');
      ui.input.value = q;
      const name = s.kind;
      const list = state[name].includes(s.value) ? state[name].filter((v) => v !== s.value) : [...state[name], s.value];
      commit({ ...state, q, [name]: list, page: 1, doc: '' });
    } else {
      actions.setQuery(s.text);
    }
  },
});

/// Moves to a new state: updates the URL ('push', 'replace' or 'none'), the interface
/// language, the search results and the record dialog as needed.
function commit(next, mode = 'push') {
  const prev = state;
  state = next;
  if (mode !== 'typing') typingSession = false;
  const url = urlOf(state);
  if (mode === 'push' && url !== location.pathname + location.search) history.pushState(null, '', url);
  else if (mode === 'replace' || mode === 'typing') history.replaceState(null, '', url);

  if (prev.ui_lang !== state.ui_lang) applyLanguage();
  if (!sameSearch(prev, state) || !data) runSearch();
  else renderAll();
  if (state.doc) detail.open(state.doc, state.ui_lang);
  else detail.closeQuietly();
}

async function runSearch() {
  const seq = ++searchSeq;
  ui.main.setAttribute('aria-busy', 'true');
  if (!data) renderStatus(ui.status, null, true);
  try {
    const answer = await api.search(searchParams(state));
    if (seq !== searchSeq) return; // a newer search was started: never show a stale answer
    data = answer;
    learnLabels(data.facets);
    renderAll();
    if (focusResultsAfterSearch) {
      focusResultsAfterSearch = false;
      ui.resultsHeading.focus();
      ui.resultsHeading.scrollIntoView({ block: 'start' });
    }
  } catch (err) {
    if (api.isAbort(err) || seq !== searchSeq) return;
    data = null;
    ui.status.replaceChildren();
    ui.results.replaceChildren();
    ui.pagination.replaceChildren();
    ui.suggestion.replaceChildren(Object.assign(document.createElement('p'), {
      className: 'error', role: 'alert',
      textContent: err instanceof api.ApiError && err.status < 500 ? `${t('error')} (${err.message})` : t('error'),
    }));
  } finally {
    if (seq === searchSeq) ui.main.removeAttribute('aria-busy');
  }
}

function renderAll() {
  renderFacets(ui.facets, data, state, actions);
  mapPanel.render(data, state);
  renderChips(ui.chips, state, actions);
  renderSuggestion(ui.suggestion, data, state, actions);
  renderHits(ui.results, data, state, actions);
  renderPagination(ui.pagination, data, state, actions);
  renderStatus(ui.status, data, false);
  ui.filtersSummary.textContent = t('filtersCount', filterCount(state));
  ui.sort.value = state.sort || 'relevance';
}

function applyLanguage() {
  setLang(state.ui_lang);
  translateStatic();
  for (const b of document.querySelectorAll('[data-lang]'))
    b.setAttribute('aria-pressed', String(b.dataset.lang === state.ui_lang));
  for (const o of ui.sort.options) o.textContent = t(`sort.${o.value}`);
}

// --- events ---

ui.input.addEventListener('input', () => {
  autocomplete.update(ui.input.value);
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const q = ui.input.value;
    if (q === state.q) return;
    const mode = typingSession ? 'typing' : 'push';
    commit({ ...state, q, page: 1, doc: '' }, mode);
    typingSession = true;
  }, TYPING_DEBOUNCE_MS);
});

ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(typingTimer);
  autocomplete.close();
  const q = ui.input.value;
  if (q !== state.q) commit({ ...state, q, page: 1, doc: '' }, typingSession ? 'typing' : 'push');
  typingSession = false;
});

ui.sort.addEventListener('change', () => {
  commit({ ...state, sort: ui.sort.value === 'relevance' ? '' : ui.sort.value, page: 1, doc: '' });
});

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => commit({ ...state, ui_lang: b.dataset.lang }));
}

window.addEventListener('popstate', () => {
  clearTimeout(typingTimer);
  autocomplete.close();
  docPushed = false;
  const next = stateFromSearch(location.search, defaultLang());
  ui.input.value = next.q;
  commit(next, 'none');
});

// Under ~760px the facets and the map fold into <details>; on wider screens they are open.
const narrow = window.matchMedia('(max-width: 760px)');
const syncFilters = () => { ui.filters.open = ui.mapPanel.open = !narrow.matches; };
narrow.addEventListener('change', syncFilters);
syncFilters();

// --- start ---
applyLanguage();
ui.input.value = state.q;
runSearch();
if (state.doc) detail.open(state.doc, state.ui_lang);
