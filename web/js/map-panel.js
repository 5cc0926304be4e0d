// The search page's map panel: loads the geometry (world.js) the first time the panel is open,
// then draws each answer's country facet with js/map.js. A click on a country goes through
// actions.toggle, the path the country checkboxes take, so the URL, chips and checkboxes follow.

import './map-base.js';
import './map.js';
import { t, lang } from './i18n.js';

const { WorldMap, loadWorld, css } = globalThis.PeaceSearchMap;
const NAME_INDEX = { en: 0, fr: 1, ar: 2 }; // the order of world.js's names

export class MapPanel {
  /// `panel` is the <details> that folds the map on phones; the map is drawn into `container`.
  constructor(panel, container, actions) {
    this.panel = panel;
    this.container = container;
    this.actions = actions;
    this.map = null;
    this.data = null;
    this.state = null;
    panel.addEventListener('toggle', () => this.render(this.data, this.state));
  }

  render(data, state) {
    this.data = data;
    this.state = state;
    if (!this.panel.open || !state) return;
    if (this.map) {
      this.update();
      return;
    }
    if (this.loading) return;
    this.loading = loadWorld('world.js').then((world) => {
      if (!document.getElementById('world-map-css'))
        document.head.append(Object.assign(document.createElement('style'), { id: 'world-map-css', textContent: css }));
      this.world = world;
      this.names = new Map(world.countries.map((c) => [c.id, c.n]));
      this.map = new WorldMap(this.container, world, {
        idPrefix: 'map',
        onToggle: (code) => this.actions.toggle('country', code),
      });
      this.update();
    }).catch(() => {
      this.panel.hidden = true; // the page works without its map
    });
  }

  update() {
    const facet = this.data?.facets?.country || [];
    const labels = new Map(facet.map((f) => [f.value, f.label]));
    const i = NAME_INDEX[lang()] ?? 0;
    this.map.update({
      counts: facet,
      selected: this.state.country,
      // The answer's own label, as the checkbox shows it; world.js's names (made by the same
      // rules from iso-codes) for countries without results.
      nameOf: (code) => labels.get(code) || this.names.get(code)?.[i] || code,
      text: {
        label: t('map.label'), legend: t('map.legend'), none: t('map.none'), hint: t('map.hint'),
        count: (n) => t('map.count', n),
      },
    });
  }
}
