// Reading the world map (web/js/map.js) as it is drawn, and pointing at its countries. `host`
// is null for the search page, or the selector of an embed's host element (its open shadow
// root holds the map).

import assert from 'node:assert/strict';
import { waitFor } from './browser.js';

/// Every country with a code: its count, shade (0 = none), role, pressed state and fill; the
/// legend's classes; the markers; the tooltip.
export function mapView(page, host = null) {
  return page.evaluate((host) => {
    const root = host ? document.querySelector(host).shadowRoot : document;
    const svg = root.querySelector('.wm-svg');
    if (!svg) return null;
    const shadeOf = (n) => Number((/\bshade-(\d)\b/.exec(n.getAttribute('class') || '') || [0, 0])[1]);
    const countries = [...root.querySelectorAll('.wm-country[data-code]')].map((p) => ({
      code: p.dataset.code,
      count: Number(p.dataset.count),
      shade: shadeOf(p),
      fill: getComputedStyle(p).fill,
      button: p.getAttribute('role') === 'button',
      pressed: p.getAttribute('aria-pressed'),
      label: p.getAttribute('aria-label'),
      tabindex: p.getAttribute('tabindex'),
      outlined: !!root.querySelector(`.wm-ticked [data-for="${p.dataset.code}"], .wm-marker.on[data-code="${p.dataset.code}"]`),
    }));
    const legend = [...root.querySelectorAll('.wm-legend li[data-shade]')].map((li) => ({
      shade: Number(li.dataset.shade), min: Number(li.dataset.min), max: Number(li.dataset.max),
      fill: getComputedStyle(li.querySelector('rect')).fill,
    }));
    const tip = root.querySelector('.wm-tip');
    const hi = root.querySelector('.wm-hi');
    return {
      countries,
      byCode: Object.fromEntries(countries.map((c) => [c.code, c])),
      legend,
      markers: [...root.querySelectorAll('.wm-marker')].map((m) => m.dataset.code),
      tip: tip && !tip.hidden ? { code: tip.dataset.code, text: tip.textContent } : null,
      // The country drawn as hovered or focused: its outline on top, or its marker's ring.
      highlighted: (hi && getComputedStyle(hi).display !== 'none' && hi.dataset.for) ||
        root.querySelector('.wm-marker.hot')?.dataset.code || null,
    };
  }, host);
}

/// Waits until the map shows exactly `facet` (an API country facet): every count, nothing else.
export async function waitForMapCounts(page, facet, host = null) {
  const want = new Map(facet.map((f) => [f.value, f.count]));
  let last = '';
  return waitFor(async () => {
    const view = await mapView(page, host);
    if (!view) return false;
    const wrong = view.countries.filter((c) => c.count !== (want.get(c.code) ?? 0));
    last = wrong.slice(0, 5).map((c) => `${c.code}: map ${c.count}, API ${want.get(c.code) ?? 0}`).join('; ');
    return wrong.length ? false : view;
  }, { message: 'map counts to match the API' }).catch((e) => { throw new Error(`${e.message} (${last})`); });
}

/// A point in viewport coordinates where `code` (its marker, or else its shape) is the element
/// under the pointer, so a click there reaches that country and no other.
export async function pointOn(page, code, host = null) {
  const point = await page.evaluate(({ code, host }) => {
    const root = host ? document.querySelector(host).shadowRoot : document;
    const target = root.querySelector(`.wm-marker[data-code="${code}"]`) || root.querySelector(`.wm-country[data-code="${code}"]`);
    target.scrollIntoView({ block: 'center' });
    const r = target.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const points = [];
    for (let i = 0; i < 24; i++) for (let j = 0; j < 24; j++)
      points.push([r.left + (r.width * (i + 0.5)) / 24, r.top + (r.height * (j + 0.5)) / 24]);
    points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
    const hit = points.find(([x, y]) => root.elementFromPoint(x, y) === target);
    return hit ? { x: hit[0], y: hit[1] } : null;
  }, { code, host });
  assert.ok(point, `no point of the map reaches ${code}`);
  return point;
}

/// Clicks a country on the map as a user would: the pointer at a point that reaches it.
export async function clickCountry(page, code, host = null) {
  const { x, y } = await pointOn(page, code, host);
  await page.mouse.click(x, y);
}

/// Moves the pointer over a country.
export async function hoverCountry(page, code, host = null) {
  const { x, y } = await pointOn(page, code, host);
  await page.mouse.move(x, y);
}

/// Checks the shading against the counts: none for 0, each count within its legend class and
/// painted in that class's colour, more results never lighter, the largest count darkest.
export function shadingProblems(view) {
  const out = [];
  const legend = new Map(view.legend.map((l) => [l.shade, l]));
  const top = Math.max(...view.legend.map((l) => l.shade));
  const max = Math.max(0, ...view.countries.map((c) => c.count));
  for (const c of view.countries) {
    if (c.count === 0) {
      if (c.shade !== 0) out.push(`${c.code}: 0 results but shade ${c.shade}`);
      if (c.fill !== legend.get(0)?.fill) out.push(`${c.code}: 0 results but fill ${c.fill}`);
      continue;
    }
    const l = legend.get(c.shade);
    if (!l) out.push(`${c.code}: ${c.count} results, shade ${c.shade} not in the legend`);
    else if (c.count < l.min || c.count > l.max) out.push(`${c.code}: ${c.count} outside its class ${l.min}–${l.max}`);
    else if (c.fill !== l.fill) out.push(`${c.code}: fill ${c.fill}, legend ${l.fill}`);
    if (c.count === max && c.shade !== top) out.push(`${c.code}: the largest count (${max}) is not the darkest shade`);
  }
  const sorted = view.countries.filter((c) => c.count).sort((a, b) => a.count - b.count);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].shade < sorted[i - 1].shade)
      out.push(`${sorted[i].code} (${sorted[i].count}) lighter than ${sorted[i - 1].code} (${sorted[i - 1].count})`);
  }
  return out;
}
