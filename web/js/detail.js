// The record view: /documents/{id} rendered in a modal <dialog>. All fields go in as text.

import { el, yearSpan } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';

const LANG_NAMES = { en: 'English', fr: 'Français', ar: 'العربية' };

export class DetailView {
  /// `onClose()` is called when the user closes the dialog; `actions.openDoc(id)`,
  /// `actions.searchFor(text)` let the record link to others.
  constructor(dialog, actions) {
    this.dialog = dialog;
    this.actions = actions;
    this.id = '';
    this.seq = 0;
    dialog.addEventListener('close', () => {
      const was = this.id;
      this.id = '';
      if (was) actions.onClose();
    });
    // A click on the backdrop (outside the dialog's box) closes it.
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) dialog.close();
    });
  }

  async open(id, lang) {
    if (this.id === id && this.dialog.open && this.lang === lang) return;
    this.id = id;
    this.lang = lang;
    const seq = ++this.seq;
    this.body(el('p', { class: 'muted' }, t('loading')));
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const doc = await api.documentById(id, lang);
      if (seq !== this.seq) return;
      this.body(...this.render(doc));
    } catch (err) {
      if (api.isAbort(err) || seq !== this.seq) return;
      this.body(el('p', { role: 'alert' }, err.status === 404 ? t('notFound') : t('error')));
    }
  }

  /// Closes without telling the page (the URL already moved on, e.g. the back button).
  closeQuietly() {
    this.id = '';
    if (this.dialog.open) this.dialog.close();
  }

  body(...children) {
    const close = el('button', { type: 'button', class: 'dialog-close', id: 'dialog-close', 'aria-label': t('close'),
      onclick: () => this.dialog.close() }, '×');
    this.dialog.replaceChildren(close, el('div', { class: 'dialog-body' }, children));
    close.focus();
  }

  render(doc) {
    const d = (k) => t(`detail.${k}`);
    const rows = [];
    const row = (label, value) => value && rows.push(el('dt', {}, label), el('dd', {}, value));
    if (doc.organisation) {
      row(d('organisation'), el('a', { href: '?doc=' + encodeURIComponent(doc.organisation.id), onclick: (e) => {
        e.preventDefault();
        this.actions.openDoc(doc.organisation.id);
      } }, doc.organisation.acronym ? `${doc.organisation.acronym} — ${doc.organisation.name}` : doc.organisation.name));
    }
    row(d('country'), doc.country?.name);
    row(doc.type === 'organisation' ? d('yearsActive') : d('years'), doc.type === 'organisation' ? yearSpan({ years: doc.years }) : yearSpan(doc));
    row(d('founded'), doc.founded ? String(doc.founded) : '');
    row(d('activities'), doc.activity_count ? String(doc.activity_count) : '');
    row(d('themes'), (doc.themes || []).length ? el('ul', { class: 'tags' }, doc.themes.map((th) => el('li', {}, el('span', { class: 'tag' }, th.label)))) : '');
    if (doc.website && /^https?:\/\//i.test(doc.website)) {
      row(d('website'), el('a', { href: doc.website, rel: 'noopener noreferrer', target: '_blank' }, doc.website.replace(/^https?:\/\//, '')));
    }
    row(d('language'), LANG_NAMES[doc.lang] || doc.lang);
    row(d('updated'), doc.updated);

    const out = [
      el('p', { class: 'hit-meta' }, el('span', { class: `badge badge-${doc.type}` }, t(`type.${doc.type}`))),
      el('h2', { id: 'dialog-title', lang: doc.field_langs?.title || doc.lang, dir: 'auto' }, doc.title),
    ];
    if (doc.acronym) out.push(el('p', { class: 'acronym' }, doc.acronym));
    if (doc.summary) out.push(el('p', { class: 'summary', lang: doc.field_langs?.summary || doc.lang, dir: 'auto' }, doc.summary));
    if (doc.description) out.push(el('p', { class: 'description', lang: doc.field_langs?.description || doc.lang, dir: 'auto' }, doc.description));
    out.push(el('dl', { class: 'facts' }, rows));
    if (doc.type === 'organisation') {
      out.push(el('p', {}, el('button', { type: 'button', class: 'small-button', id: 'search-org',
        onclick: () => this.actions.searchFor(doc.acronym || doc.title) }, d('searchOrg'))));
    }
    this.dialog.setAttribute('aria-labelledby', 'dialog-title');
    return out;
  }
}
