// The parts of the world map (js/map.js) that are not its behaviour: its look (CSS, shade
// classes, legend), a small element builder, and the loading of its geometry (world.js).
// Like map.js, a classic script as well as a module: it sets globalThis.PeaceSearchMap.

(() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const SHADES = 5;

  const CSS = `
.wm { position: relative; }
.wm-svg { display: block; width: 100%; height: auto; background: #eef3f4; border-radius: 8px; }
.wm-country { fill: #e2dfd6; stroke: #fff; stroke-width: 0.6px; vector-effect: non-scaling-stroke; }
.wm-country[role=button] { cursor: pointer; }
.wm-country:focus { outline: none; }
.wm-speck { fill: #cfcbc0; pointer-events: none; }
.wm .shade-1 { fill: #d0e7e4; } .wm .shade-2 { fill: #9fcdc7; } .wm .shade-3 { fill: #62aaa2; }
.wm .shade-4 { fill: #2f8580; } .wm .shade-5 { fill: #0b4f53; }
.wm-ticked path { fill: none; stroke: #1d2630; stroke-width: 3.4px; stroke-linejoin: round; vector-effect: non-scaling-stroke; pointer-events: none; }
.wm-ticked path.inner { stroke: #fff; stroke-width: 1.2px; }
.wm-hi { fill: none; stroke: #b4530a; stroke-width: 2.6px; vector-effect: non-scaling-stroke; pointer-events: none; }
.wm-marker { stroke: #fff; stroke-width: 1.2px; vector-effect: non-scaling-stroke; cursor: pointer; }
.wm-ring { fill: #1d2630; pointer-events: none; }
.wm-marker.hot { stroke: #b4530a; stroke-width: 2.6px; }
.wm-leader { stroke: #55606b; stroke-width: 0.8px; vector-effect: non-scaling-stroke; pointer-events: none; }
.wm-tip { position: absolute; z-index: 3; pointer-events: none; transform: translate(-50%, calc(-100% - 10px));
  background: #1d2630; color: #fff; padding: 4px 9px; border-radius: 6px; font-size: 0.85rem; line-height: 1.35;
  white-space: nowrap; box-shadow: 0 4px 14px rgba(10, 20, 30, 0.25); }
.wm-tip strong { display: block; font-weight: 600; }
.wm-foot { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 16px; margin-top: 6px; font-size: 0.8rem; color: #55606b; }
.wm-legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; list-style: none; margin: 0; padding: 0; }
.wm-legend-title { font-weight: 600; }
.wm-legend li { display: inline-flex; align-items: center; gap: 4px; }
.wm-swatch { width: 14px; height: 10px; border-radius: 2px; fill: #e2dfd6; }
.wm-range { direction: ltr; unicode-bidi: isolate; font-variant-numeric: tabular-nums; }
.wm-hint { margin: 0; }
`;

  const el = (tag, attrs = {}, text) => {
    const n = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (v != null) n.setAttribute(k, String(v));
    if (text != null) n.textContent = text;
    return n;
  };

  /// Upper bounds of the shade classes for counts up to `max`: geometric steps, since a
  /// few countries hold most records and a linear scale would leave the rest pale alike.
  function classBounds(max) {
    const bounds = [];
    for (let i = 1; i <= SHADES; i++) {
      const b = i === SHADES ? max : Math.round(Math.pow(max, i / SHADES));
      if (b >= 1 && (!bounds.length || b > bounds[bounds.length - 1])) bounds.push(b);
    }
    return bounds;
  }

  /// The shade (1..5) of each class: fewer classes than shades are spread over the ramp.
  const shadeOf = (k, classes) => Math.round(((k + 1) * SHADES) / classes);

  /// Loads the geometry (web/world.js, a classic script) once per page.
  let loading = null;
  function loadWorld(url) {
    if (globalThis.PeaceSearchWorld) return Promise.resolve(globalThis.PeaceSearchWorld);
    loading ??= new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = url;
      s.async = true;
      s.onload = () => (globalThis.PeaceSearchWorld ? resolve(globalThis.PeaceSearchWorld) : reject(new Error('no map data')));
      s.onerror = () => { loading = null; reject(new Error(`cannot load ${url}`)); };
      document.head.append(s);
    });
    return loading;
  }

  /// The legend of the shade classes into `list`: "none", then a swatch and a range each.
  function renderLegend(list, bounds, text) {
    const item = (shade, range, min, max) => {
      const li = el('li', { 'data-shade': shade, 'data-min': min, 'data-max': max });
      const sw = el('svg:svg', { class: 'wm-swatch', viewBox: '0 0 14 10', 'aria-hidden': 'true' });
      sw.append(el('svg:rect', { width: 14, height: 10, class: shade ? `shade-${shade}` : '' }));
      li.append(sw, el('span', { class: 'wm-range' }, range));
      return li;
    };
    const items = [item(0, text.none, 0, 0)];
    bounds.forEach((b, k) => {
      const lo = k ? bounds[k - 1] + 1 : 1;
      items.push(item(shadeOf(k, bounds.length), lo === b ? String(b) : `${lo}–${b}`, lo, b));
    });
    list.replaceChildren(el('li', { class: 'wm-legend-title' }, text.legend), ...items);
  }

  globalThis.PeaceSearchMap = { ...globalThis.PeaceSearchMap, css: CSS, el, classBounds, shadeOf, renderLegend, loadWorld };
})();
