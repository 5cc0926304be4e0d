// Interface strings in English, French and Arabic (js/strings/). Facet and theme labels come
// from the API (ui_lang). Arabic turns the whole document right to left.

import en from './strings/en.js';
import fr from './strings/fr.js';
import ar from './strings/ar.js';

const STRINGS = { en, fr, ar };

/// Interface languages written right to left.
const RTL = new Set(['ar']);

export const LANGS = ['en', 'fr', 'ar'];

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
  document.documentElement.dir = RTL.has(current) ? 'rtl' : 'ltr';
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
