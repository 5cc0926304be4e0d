// An unmodified instantsearch.js page on peacesearch: the only peacesearch-specific line is the
// client's host (this page's own origin). ?client=v4|v5 picks algoliasearch 4 lite or 5 lite,
// ?ui_lang=en|fr|ar the language of the facet labels, ?api_key= the key when the server was
// started with --algolia-api-key. See docs/INSTANTSEARCH.md.
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  const clientVersion = params.get('client') === 'v4' ? 'v4' : 'v5';
  const uiLang = ['en', 'fr', 'ar'].includes(params.get('ui_lang')) ? params.get('ui_lang') : 'en';
  const apiKey = params.get('api_key') || 'search-only-key-not-checked';
  const INDEX = 'peacesearch';

  const CLIENT_SCRIPTS = {
    v4: 'node_modules/algoliasearch-v4/dist/algoliasearch-lite.umd.js', // global `algoliasearch`
    v5: 'node_modules/algoliasearch/dist/lite/builds/browser.umd.js', // global `algoliasearch/lite`
  };

  const TEXT = {
    en: { type: 'Type', country: 'Country', theme: 'Theme', year: 'Year', placeholder: 'Search organisations and activities',
      results: (n) => `${n.toLocaleString('en')} ${n === 1 ? 'result' : 'results'}`, clear: 'Clear filters',
      searchCountry: 'Search countries', searchTheme: 'Search themes', relevance: 'Relevance', newest: 'Newest first',
      oldest: 'Oldest first', name: 'Name (A–Z)', organisation: 'Organisations', activity: 'Activities', empty: 'No results',
      noFacet: 'No match', from: 'from', to: 'to', go: 'Apply' },
    fr: { type: 'Type', country: 'Pays', theme: 'Thème', year: 'Année', placeholder: 'Rechercher organisations et activités',
      results: (n) => `${n.toLocaleString('fr')} ${n > 1 ? 'résultats' : 'résultat'}`, clear: 'Effacer les filtres',
      searchCountry: 'Chercher un pays', searchTheme: 'Chercher un thème', relevance: 'Pertinence', newest: 'Plus récents',
      oldest: 'Plus anciens', name: 'Nom (A–Z)', organisation: 'Organisations', activity: 'Activités', empty: 'Aucun résultat',
      noFacet: 'Aucune correspondance', from: 'de', to: 'à', go: 'Appliquer' },
    ar: { type: 'النوع', country: 'البلد', theme: 'الموضوع', year: 'السنة', placeholder: 'ابحث في المنظمات والأنشطة',
      results: (n) => `${n} نتيجة`, clear: 'مسح عوامل التصفية', searchCountry: 'ابحث عن بلد', searchTheme: 'ابحث عن موضوع',
      relevance: 'الصلة', newest: 'الأحدث أولاً', oldest: 'الأقدم أولاً', name: 'الاسم', organisation: 'المنظمات',
      activity: 'الأنشطة', empty: 'لا نتائج', noFacet: 'لا تطابق', from: 'من', to: 'إلى', go: 'تطبيق' },
  };
  const t = TEXT[uiLang];

  /// For the tests and the curious: the client chosen, the InstantSearch instance, errors seen.
  const example = (window.peacesearchExample = { client: clientVersion, uiLang, search: null, errors: [] });

  function notice(message) {
    const el = document.getElementById('notice');
    el.textContent = message;
    el.hidden = false;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error(`${src} did not load: run \`npm ci\` in web/instantsearch`));
      document.head.appendChild(s);
    });
  }

  /// The one peacesearch-specific part: the client talks to this page's own origin.
  function searchClient() {
    const protocol = location.protocol.slice(0, -1); // "http" or "https"
    if (clientVersion === 'v4') {
      return window.algoliasearch('peacesearch', apiKey, { hosts: [{ url: location.host, protocol }] });
    }
    const { liteClient } = window['algoliasearch/lite'];
    return liteClient('peacesearch', apiKey, { hosts: [{ url: location.host, accept: 'readWrite', protocol }] });
  }

  function switches() {
    const link = (key, value, label, current) => {
      const p = new URLSearchParams(location.search);
      p.set(key, value);
      const a = document.createElement('a');
      a.href = '?' + p;
      a.textContent = label;
      a.dataset[key === 'client' ? 'client' : 'lang'] = value;
      if (current) a.setAttribute('aria-current', 'true');
      return a;
    };
    document.getElementById('client-switch').append('algoliasearch ',
      link('client', 'v4', 'v4 lite', clientVersion === 'v4'), ' · ', link('client', 'v5', 'v5 lite', clientVersion === 'v5'));
    document.getElementById('lang-switch').append(
      link('ui_lang', 'en', 'EN', uiLang === 'en'), ' · ', link('ui_lang', 'fr', 'FR', uiLang === 'fr'), ' · ',
      link('ui_lang', 'ar', 'عربي', uiLang === 'ar'));
    document.documentElement.lang = uiLang;
    document.documentElement.dir = uiLang === 'ar' ? 'rtl' : 'ltr';
    document.documentElement.dataset.client = clientVersion;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t[el.dataset.i18n];
  }

  function yearsText(hit) {
    const years = hit.years || (hit.year != null ? [hit.year] : []);
    if (!years.length) return '';
    const lo = Math.min(...years);
    const hi = Math.max(...years);
    return lo === hi ? String(lo) : `${lo}–${hi}`;
  }

  function start() {
    const { widgets } = window.instantsearch;
    const search = window.instantsearch({
      indexName: INDEX,
      searchClient: searchClient(),
      insights: false, // no analytics, and no script from a CDN
      future: { preserveSharedStateOnUnmount: true },
    });
    example.search = search;
    search.on('error', (e) => {
      const err = (e && e.error) || e || {};
      const message = [err.status && `HTTP ${err.status}`, err.message || err.name].filter(Boolean).join(': ') || String(e);
      example.errors.push(message);
      notice(`Search failed: ${message}`);
    });

    search.addWidgets([
      widgets.configure({
        hitsPerPage: 10,
        ui_lang: uiLang, // peacesearch's own parameter: the language of country_name and theme_label
        attributesToSnippet: ['description:30'],
        snippetEllipsisText: '…',
      }),
      widgets.searchBox({ container: '#searchbox', placeholder: t.placeholder, showLoadingIndicator: true }),
      widgets.stats({
        container: '#stats',
        templates: {
          text: (data, { html }) =>
            html`<span id="nb-hits" data-nb-hits="${data.nbHits}" data-nb-pages="${data.nbPages}"
              data-page="${data.page}">${t.results(data.nbHits)}</span>
              <span class="ps-took">${data.processingTimeMS} ms</span>`,
        },
      }),
      widgets.sortBy({
        container: '#sort-by',
        items: [
          { label: t.relevance, value: INDEX },
          { label: t.newest, value: `${INDEX}_newest` },
          { label: t.oldest, value: `${INDEX}_oldest` },
          { label: t.name, value: `${INDEX}_name` },
        ],
      }),
      widgets.refinementList({
        container: '#refinement-type',
        attribute: 'type',
        // The template shows `highlighted`: give it the label too.
        transformItems: (items) => items.map((item) => ({ ...item, label: t[item.value] || item.label, highlighted: t[item.value] || item.highlighted })),
      }),
      widgets.refinementList({
        container: '#refinement-country',
        attribute: 'country_name',
        searchable: true,
        searchablePlaceholder: t.searchCountry,
        showMore: true,
        showMoreLimit: 50,
        templates: { searchableNoResults: () => t.noFacet },
      }),
      widgets.refinementList({
        container: '#refinement-theme',
        attribute: 'theme_label',
        searchable: true,
        searchablePlaceholder: t.searchTheme,
        showMore: true,
        showMoreLimit: 50,
        templates: { searchableNoResults: () => t.noFacet },
      }),
      widgets.rangeInput({
        container: '#range-year',
        attribute: 'year',
        precision: 0,
        templates: { separatorText: () => t.to, submitText: () => t.go },
      }),
      widgets.currentRefinements({ container: '#current-refinements' }),
      widgets.clearRefinements({ container: '#clear-refinements', templates: { resetLabel: () => t.clear } }),
      widgets.hits({
        container: '#hits',
        templates: {
          empty: () => t.empty,
          item: (hit, { html, components }) => {
            // A highlighted attribute when the server sent one, else the plain value.
            const hl = (attribute) => (hit._highlightResult && hit._highlightResult[attribute]
              ? components.Highlight({ hit, attribute }) : hit[attribute]);
            return html`
            <article class="ps-hit" data-object-id="${hit.objectID}" data-type="${hit.type}">
              <h3 class="ps-hit-title">${hl('title')}
                ${hit.acronym ? html`<span class="ps-acronym">(${hl('acronym')})</span>` : ''}</h3>
              <p class="ps-hit-meta">
                <span class="ps-type">${t[hit.type] || hit.type}</span>
                ${hit.country_name ? html` · <span class="ps-country">${hit.country_name}</span>` : ''}
                ${yearsText(hit) ? html` · <span class="ps-years">${yearsText(hit)}</span>` : ''}
              </p>
              ${hit.summary ? html`<p class="ps-summary">${hl('summary')}</p>` : ''}
              ${hit._snippetResult && hit._snippetResult.description
                ? html`<p class="ps-snippet">${components.Snippet({ hit, attribute: 'description' })}</p>` : ''}
              ${Array.isArray(hit.theme_label) && hit.theme_label.length
                ? html`<ul class="ps-themes">${hit.theme_label.map((label) => html`<li>${label}</li>`)}</ul>` : ''}
            </article>`;
          },
        },
      }),
      widgets.pagination({ container: '#pagination', padding: 2 }),
    ]);
    search.start();
  }

  function boot() {
    switches();
    Promise.all([window.instantsearch ? Promise.resolve() : Promise.reject(new Error(
      'node_modules/instantsearch.js did not load: run `npm ci` in web/instantsearch')), loadScript(CLIENT_SCRIPTS[clientVersion])])
      .then(start)
      .catch((e) => {
        example.errors.push(e.message);
        notice(e.message);
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
