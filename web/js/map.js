// The world map of a search's country facet: a choropleth of the counts, a legend, a tooltip,
// markers for small states, a click or Enter toggling a country, arrow keys moving between the
// countries that have results. No imports and no exports: the page imports it as a module and
// embed.js loads it as a classic script from another origin (modules would need CORS headers,
// which static files do not get); both then find it at globalThis.PeaceSearchMap, after
// js/map-base.js (its look and loading).

(() => {
  const { el, classBounds, shadeOf, renderLegend } = globalThis.PeaceSearchMap; // js/map-base.js, loaded first
  const MARKER_PX = 14; // smallest on-screen diameter of a small state's marker

  class WorldMap {
    /// `onToggle(code)` is called for a click, Enter or Space on a country that has results
    /// (or is ticked); `idPrefix` keeps element ids unique when two maps share a document.
    constructor(container, world, { onToggle, idPrefix = 'wm' }) {
      this.onToggle = onToggle;
      this.prefix = idPrefix;
      this.countries = world.countries.filter((c) => c.id);
      this.byCode = new Map(this.countries.map((c) => [c.id, c]));
      this.counts = new Map();
      this.selected = new Set();
      this.current = null; // the country holding the map's one tab stop
      this.hover = null;
      this.focused = null;
      this.text = null;
      this.nameOf = (code) => code;

      const [, , w] = world.viewBox;
      this.viewWidth = w;
      this.svg = el('svg:svg', { class: 'wm-svg', viewBox: world.viewBox.join(' '), role: 'group' });
      const land = el('svg:g', { class: 'wm-countries' });
      this.paths = new Map();
      for (const c of world.countries) {
        if (!c.d) {
          // Too small to draw at this scale: a dot, and a marker when it has results.
          if (c.id) land.append(el('svg:circle', { class: 'wm-speck', cx: c.p[0], cy: c.p[1], r: 1.2 }));
          if (!c.id) continue;
        }
        const p = el('svg:path', { class: 'wm-country', d: c.d || 'M0 0', 'aria-hidden': 'true' });
        if (c.id) {
          p.id = `${this.prefix}-${c.id}`;
          p.dataset.code = c.id;
          this.paths.set(c.id, p);
        }
        land.append(p);
      }
      this.tickedLayer = el('svg:g', { class: 'wm-ticked', 'aria-hidden': 'true' });
      this.markerLayer = el('svg:g', { class: 'wm-markers', 'aria-hidden': 'true' });
      // Outlines are copies of the shapes drawn on top, so no neighbour's border covers them.
      this.highlight = el('svg:path', { class: 'wm-hi', 'aria-hidden': 'true' });
      this.highlight.style.display = 'none';
      this.svg.append(land, this.tickedLayer, this.markerLayer, this.highlight);

      this.tip = el('div', { class: 'wm-tip', 'aria-hidden': 'true' });
      this.tip.hidden = true;
      this.legend = el('ol', { class: 'wm-legend' });
      this.hint = el('p', { class: 'wm-hint' });
      this.root = el('div', { class: 'wm' });
      this.root.append(this.svg, this.tip, el('div', { class: 'wm-foot' }, null));
      this.root.lastChild.append(this.legend, this.hint);
      container.replaceChildren(this.root);
      this.listen();
      new ResizeObserver(() => this.placeMarkers()).observe(this.svg);
    }

    /// Shows a search's country counts (a Map or [{value, count}]), the ticked codes, names
    /// (code -> name in the interface language) and the interface strings:
    /// {label, legend, none, hint, count(n)}.
    update({ counts, selected, nameOf, text }) {
      this.counts = counts instanceof Map ? counts : new Map((counts || []).map((f) => [f.value, f.count]));
      this.selected = new Set(selected || []);
      this.nameOf = nameOf;
      this.text = text;
      this.svg.setAttribute('aria-label', text.label);
      this.hint.textContent = text.hint;

      const max = Math.max(0, ...[...this.counts.values()]);
      const bounds = classBounds(max);
      for (const [code, p] of this.paths) {
        const n = this.counts.get(code) || 0;
        const on = this.selected.has(code);
        const k = n ? bounds.findIndex((b) => n <= b) : -1;
        p.setAttribute('class', 'wm-country' + (k >= 0 ? ` shade-${shadeOf(k, bounds.length)}` : ''));
        p.dataset.count = n;
        if (n || on) {
          p.setAttribute('role', 'button');
          p.setAttribute('aria-pressed', String(on));
          p.setAttribute('aria-label', `${nameOf(code)}: ${text.count(n)}`);
          p.removeAttribute('aria-hidden');
          p.tabIndex = -1;
        } else {
          for (const a of ['role', 'aria-pressed', 'aria-label', 'tabindex']) p.removeAttribute(a);
          p.setAttribute('aria-hidden', 'true');
        }
      }
      if (!this.isActive(this.current)) this.current = null;
      this.current ??= [...this.selected].find((c) => this.isActive(c)) ||
        [...this.counts.keys()].filter((c) => this.paths.has(c)).sort((a, b) => this.counts.get(b) - this.counts.get(a))[0] || null;
      if (this.current) this.paths.get(this.current).tabIndex = 0;

      this.tickedLayer.replaceChildren(...[...this.selected].filter((c) => this.byCode.get(c)?.d)
        // A dark line with a white core: it shows on the palest and the darkest shade alike.
        .flatMap((c) => [el('svg:path', { d: this.byCode.get(c).d, 'data-for': c }),
          el('svg:path', { class: 'inner', d: this.byCode.get(c).d })]));
      renderLegend(this.legend, bounds, text);
      this.placeMarkers();
      this.showTip(this.hover || this.focused, this.hover ? this.hoverAt : null);
    }

    isActive(code) {
      return !!code && this.paths.has(code) && ((this.counts.get(code) || 0) > 0 || this.selected.has(code));
    }

    /// Markers for small states with results, at least MARKER_PX across on screen; pushed apart
    /// where they would overlap (Lebanon and Palestine, Rwanda and Burundi), with a leader line.
    placeMarkers() {
      const scale = (this.svg.clientWidth || this.viewWidth) / this.viewWidth;
      const r = Math.max(3, MARKER_PX / 2 / scale);
      const marks = this.countries.filter((c) => (c.s || !c.d) && this.isActive(c.id))
        .map((c) => ({ c, x: c.p[0], y: c.p[1] }));
      for (let iter = 0; iter < 80; iter++) {
        let moved = false;
        for (let i = 0; i < marks.length; i++) {
          for (let j = i + 1; j < marks.length; j++) {
            const a = marks[i], b = marks[j];
            let dx = b.x - a.x, dy = b.y - a.y, dist = Math.hypot(dx, dy);
            const need = 2 * r + 1;
            if (dist >= need) continue;
            if (dist < 1e-6) [dx, dy, dist] = [0, 1, 1];
            const push = (need - dist) / 2;
            a.x -= (dx / dist) * push; a.y -= (dy / dist) * push;
            b.x += (dx / dist) * push; b.y += (dy / dist) * push;
            moved = true;
          }
        }
        if (!moved) break;
      }
      const nodes = [];
      for (const m of marks) {
        const code = m.c.id;
        if (Math.hypot(m.x - m.c.p[0], m.y - m.c.p[1]) > r * 0.6)
          nodes.push(el('svg:line', { class: 'wm-leader', x1: m.c.p[0], y1: m.c.p[1], x2: m.x, y2: m.y }));
        const shade = this.paths.get(code).getAttribute('class').replace('wm-country', '').trim();
        if (this.selected.has(code))
          nodes.push(el('svg:circle', { class: 'wm-ring', cx: m.x.toFixed(1), cy: m.y.toFixed(1), r: (r + 2.5 / scale).toFixed(2) }));
        nodes.push(el('svg:circle', {
          class: `wm-marker ${shade}` + (this.selected.has(code) ? ' on' : '') + (code === (this.hover || this.focused) ? ' hot' : ''),
          cx: m.x.toFixed(1), cy: m.y.toFixed(1), r: r.toFixed(2), 'data-code': code,
        }));
      }
      this.markerLayer.replaceChildren(...nodes);
    }

    marker(code) {
      return this.markerLayer.querySelector(`.wm-marker[data-code="${code}"]`);
    }

    /// The tooltip for `code`, at the pointer (`at`, client coordinates) or above the country.
    showTip(code, at) {
      const hot = this.hover || this.focused;
      for (const m of this.markerLayer.querySelectorAll('.wm-marker')) m.classList.toggle('hot', m.dataset.code === hot);
      const shape = hot && this.byCode.get(hot)?.d && !this.marker(hot);
      this.highlight.style.display = shape ? '' : 'none';
      if (shape) {
        this.highlight.setAttribute('d', this.byCode.get(hot).d);
        this.highlight.dataset.for = hot;
      }
      if (!code || !this.text) {
        this.tip.hidden = true;
        return;
      }
      const n = this.counts.get(code) || 0;
      this.tip.replaceChildren(el('strong', {}, this.nameOf(code)), el('span', {}, this.text.count(n)));
      this.tip.dataset.code = code;
      const box = this.root.getBoundingClientRect();
      let x, y;
      if (at) [x, y] = at;
      else {
        const r = (this.marker(code) || this.paths.get(code)).getBoundingClientRect();
        [x, y] = [r.left + r.width / 2, r.top];
      }
      this.tip.style.left = `${Math.min(Math.max(x - box.left, 60), box.width - 60)}px`;
      this.tip.style.top = `${Math.max(y - box.top, 40)}px`;
      this.tip.hidden = false;
    }

    listen() {
      const codeAt = (target) => target.closest?.('[data-code]')?.dataset.code || null;
      this.svg.addEventListener('pointermove', (e) => {
        const code = codeAt(e.target);
        this.hover = code;
        this.hoverAt = [e.clientX, e.clientY];
        this.showTip(code || this.focused, code ? this.hoverAt : null);
      });
      this.svg.addEventListener('pointerleave', () => {
        this.hover = null;
        this.showTip(this.focused, null);
      });
      this.svg.addEventListener('click', (e) => {
        const code = codeAt(e.target);
        if (this.isActive(code)) this.onToggle(code);
      });
      this.svg.addEventListener('focusin', (e) => {
        const code = codeAt(e.target);
        if (!code) return;
        this.focused = code;
        this.setCurrent(code);
        this.showTip(code, null);
      });
      this.svg.addEventListener('focusout', () => {
        this.focused = null;
        this.showTip(this.hover, this.hover ? this.hoverAt : null);
      });
      this.svg.addEventListener('keydown', (e) => {
        const code = codeAt(e.target);
        if (!code) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          if (this.isActive(code)) this.onToggle(code);
          return;
        }
        if (e.key === 'Escape') {
          this.tip.hidden = true;
          return;
        }
        const dir = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
        if (!dir) return;
        e.preventDefault();
        const next = this.neighbour(code, dir);
        if (next) this.paths.get(next).focus();
      });
    }

    setCurrent(code) {
      if (this.current && this.paths.get(this.current)) this.paths.get(this.current).tabIndex = -1;
      this.current = code;
      this.paths.get(code).tabIndex = 0;
    }

    /// The nearest country with results in a direction (geographic, in every language): along
    /// the direction counts once, off it twice.
    neighbour(code, [dx, dy]) {
      const [x0, y0] = this.byCode.get(code).p;
      let best = null, bestScore = Infinity;
      for (const c of this.countries) {
        if (c.id === code || !this.isActive(c.id)) continue;
        const vx = c.p[0] - x0, vy = c.p[1] - y0;
        const along = vx * dx + vy * dy;
        if (along <= 0.5) continue;
        const score = along + 2 * Math.abs(vx * dy - vy * dx);
        if (score < bestScore) [best, bestScore] = [c.id, score];
      }
      return best;
    }
  }

  globalThis.PeaceSearchMap.WorldMap = WorldMap;
})();
