// The search box's suggestion list, following the WAI-ARIA combobox pattern: the input keeps
// focus, arrow keys move aria-activedescendant through the listbox, Enter chooses, Escape closes.

import { el } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';

export class Autocomplete {
  /// `onChoose(suggestion)` is called with {kind, text, value, id?}. Enter with no option
  /// active is left to the form's submit handler.
  constructor(input, listbox, { getLang, onChoose }) {
    this.input = input;
    this.list = listbox;
    this.getLang = getLang;
    this.onChoose = onChoose;
    this.items = [];
    this.active = -1;
    this.seq = 0;
    this.timer = 0;

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);
    listbox.setAttribute('role', 'listbox');

    input.addEventListener('keydown', (e) => this.onKey(e));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    // Options are chosen on mousedown so the input's blur does not close the list first.
    listbox.addEventListener('mousedown', (e) => {
      const li = e.target.closest('[role=option]');
      if (!li) return;
      e.preventDefault();
      this.choose(+li.dataset.index);
    });
  }

  /// Called on every input event; fetches suggestions after a short pause.
  update(text) {
    clearTimeout(this.timer);
    if (!text.trim()) {
      this.seq++;
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.fetch(text), 120);
  }

  async fetch(text) {
    const seq = ++this.seq;
    try {
      const res = await api.suggest(text, this.getLang());
      if (seq !== this.seq || document.activeElement !== this.input) return;
      this.show(res.suggestions || []);
    } catch (err) {
      if (!api.isAbort(err) && seq === this.seq) this.close();
    }
  }

  show(items) {
    this.items = items;
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    if (!items.length) return this.close();
    this.list.replaceChildren(...items.map((s, i) =>
      el('li', { role: 'option', id: `sugg-${i}`, 'aria-selected': 'false', class: `sugg sugg-${s.kind}`, dataset: { index: i, kind: s.kind } },
        el('span', { class: 'sugg-text' }, s.text),
        el('span', { class: 'sugg-kind' }, t(`kind.${s.kind}`)))));
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.seq++; // an answer still in flight must not reopen the list
    clearTimeout(this.timer);
    this.list.hidden = true;
    this.list.replaceChildren();
    this.items = [];
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  isOpen() {
    return !this.list.hidden && this.items.length > 0;
  }

  move(delta) {
    const n = this.items.length;
    if (!n) return;
    this.active = this.active < 0 ? (delta > 0 ? 0 : n - 1) : (this.active + delta + n) % n;
    [...this.list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
    const li = this.list.children[this.active];
    this.input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  choose(i) {
    const s = this.items[i];
    this.close();
    if (s) this.onChoose(s);
  }

  onKey(e) {
    switch (e.key) {
      case 'ArrowDown':
        if (!this.isOpen()) this.update(this.input.value);
        else this.move(1);
        e.preventDefault();
        break;
      case 'ArrowUp':
        if (this.isOpen()) { this.move(-1); e.preventDefault(); }
        break;
      case 'Enter':
        if (this.isOpen() && this.active >= 0) {
          e.preventDefault();
          this.choose(this.active);
        } else {
          this.close();
        }
        break;
      case 'Escape':
        if (this.isOpen()) { e.preventDefault(); this.close(); }
        break;
      case 'Tab':
        this.close();
        break;
    }
  }
}
