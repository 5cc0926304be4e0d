// Interface strings in English and French. Facet and theme labels come from the API (ui_lang).

const STRINGS = {
  en: {
    title: 'Peacebuilding directory search',
    tagline: 'Organisations and activities working for peace, in English and French.',
    skip: 'Skip to results',
    searchLabel: 'Search organisations and activities',
    searchPlaceholder: 'Search: armes, reconciliation, Mali…',
    searchButton: 'Search',
    suggestions: 'Suggestions',
    kind: { organisation: 'Organisation', country: 'Country', theme: 'Theme', term: 'Search' },
    filters: 'Filters',
    filtersCount: (n) => (n ? `Filters (${n})` : 'Filters'),
    facet: { type: 'Type', country: 'Country', theme: 'Theme', year: 'Years' },
    showMore: (n) => `Show ${n} more`,
    showLess: 'Show fewer',
    yearFrom: 'From',
    yearTo: 'To',
    yearApply: 'Apply',
    yearHint: 'Click a bar, then another, to choose a range.',
    yearBar: (y, n) => `${y}: ${n}`,
    activeFilters: 'Active filters',
    remove: (label) => `Remove filter: ${label}`,
    clearAll: 'Clear all',
    sortLabel: 'Sort by',
    sort: { relevance: 'Relevance', newest: 'Newest first', oldest: 'Oldest first', name: 'Name (A–Z)' },
    total: (n) => (n === 1 ? '1 result' : `${n.toLocaleString('en')} results`),
    took: (ms) => `in ${ms < 1 ? ms.toFixed(2) : Math.round(ms)} ms`,
    loading: 'Searching…',
    noResults: (q) => (q ? `No results for “${q}”.` : 'No results for these filters.'),
    didYouMean: 'Did you mean',
    relaxed: (kept) => `No result for all words; showing results for “${kept}”.`,
    tryFewer: 'Try fewer filters or another word.',
    type: { organisation: 'Organisation', activity: 'Activity' },
    by: 'by',
    pagination: 'Pages',
    prev: 'Previous',
    next: 'Next',
    page: (n) => `Page ${n}`,
    close: 'Close',
    details: 'Details',
    results: 'Results',
    detail: {
      summary: 'Summary', description: 'Description', country: 'Country', themes: 'Themes',
      years: 'Years', yearsActive: 'Years active', organisation: 'Organisation', website: 'Website', updated: 'Updated',
      founded: 'Founded', activities: 'Activities listed', language: 'Language of the record',
      searchOrg: 'Search this organisation',
    },
    error: 'The search service did not answer. Please try again.',
    notFound: 'This record could not be found.',
    langSwitch: 'Language',
    footer: 'Built with Xapian. The search box can be embedded in another site:',
    embedLink: 'see embed example',
  },
  fr: {
    title: 'Recherche dans le répertoire de la paix',
    tagline: 'Organisations et activités engagées pour la paix, en français et en anglais.',
    skip: 'Aller aux résultats',
    searchLabel: 'Rechercher des organisations et des activités',
    searchPlaceholder: 'Rechercher : armes, réconciliation, Mali…',
    searchButton: 'Rechercher',
    suggestions: 'Suggestions',
    kind: { organisation: 'Organisation', country: 'Pays', theme: 'Thème', term: 'Recherche' },
    filters: 'Filtres',
    filtersCount: (n) => (n ? `Filtres (${n})` : 'Filtres'),
    facet: { type: 'Type', country: 'Pays', theme: 'Thème', year: 'Années' },
    showMore: (n) => `Afficher ${n} de plus`,
    showLess: 'Afficher moins',
    yearFrom: 'De',
    yearTo: 'À',
    yearApply: 'Appliquer',
    yearHint: 'Cliquez sur une barre, puis sur une autre, pour choisir une période.',
    yearBar: (y, n) => `${y} : ${n}`,
    activeFilters: 'Filtres actifs',
    remove: (label) => `Retirer le filtre : ${label}`,
    clearAll: 'Tout effacer',
    sortLabel: 'Trier par',
    sort: { relevance: 'Pertinence', newest: 'Plus récents', oldest: 'Plus anciens', name: 'Nom (A–Z)' },
    total: (n) => (n <= 1 ? `${n} résultat` : `${n.toLocaleString('fr')} résultats`),
    took: (ms) => `en ${ms < 1 ? ms.toFixed(2).replace('.', ',') : Math.round(ms)} ms`,
    loading: 'Recherche…',
    noResults: (q) => (q ? `Aucun résultat pour « ${q} ».` : 'Aucun résultat pour ces filtres.'),
    didYouMean: 'Vouliez-vous dire',
    relaxed: (kept) => `Aucun résultat pour tous les mots ; résultats pour « ${kept} ».`,
    tryFewer: 'Essayez avec moins de filtres ou un autre mot.',
    type: { organisation: 'Organisation', activity: 'Activité' },
    by: 'par',
    pagination: 'Pages',
    prev: 'Précédent',
    next: 'Suivant',
    page: (n) => `Page ${n}`,
    close: 'Fermer',
    details: 'Détails',
    results: 'Résultats',
    detail: {
      summary: 'Résumé', description: 'Description', country: 'Pays', themes: 'Thèmes',
      years: 'Années', yearsActive: 'Années d’activité', organisation: 'Organisation', website: 'Site web', updated: 'Mis à jour',
      founded: 'Fondée en', activities: 'Activités répertoriées', language: 'Langue de la fiche',
      searchOrg: 'Rechercher cette organisation',
    },
    error: 'Le service de recherche n’a pas répondu. Veuillez réessayer.',
    notFound: 'Cette fiche est introuvable.',
    langSwitch: 'Langue',
    footer: 'Propulsé par Xapian. Le champ de recherche peut être intégré à un autre site :',
    embedLink: 'voir l’exemple d’intégration',
  },
};

export const LANGS = ['en', 'fr'];

/// The language to use when the URL names none: the browser's, if we have it.
export function defaultLang() {
  const prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (const p of prefs) {
    const base = String(p).slice(0, 2).toLowerCase();
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}

let current = 'en';

export function setLang(lang) {
  current = LANGS.includes(lang) ? lang : 'en';
  document.documentElement.lang = current;
}

export function lang() {
  return current;
}

/// t('facet.country') or t('total', 12): looks a key path up in the current language.
export function t(path, ...args) {
  let v = STRINGS[current];
  for (const part of path.split('.')) v = v == null ? undefined : v[part];
  if (v === undefined) {
    v = STRINGS.en;
    for (const part of path.split('.')) v = v == null ? undefined : v[part];
  }
  return typeof v === 'function' ? v(...args) : v ?? path;
}

/// Fills every element carrying data-i18n (text), data-i18n-placeholder or data-i18n-aria-label.
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]'))
    el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]'))
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  document.title = t('title');
}
