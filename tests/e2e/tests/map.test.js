// The world map of the results (issue 18): shading from the country facet of /search, a click
// or Enter toggling a country as its checkbox does, the keyboard, Arabic, phones, the embed.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, apiGet, REPO_ROOT } from '../helpers/server.js';
import { launchBrowser, newPage, waitFor } from '../helpers/browser.js';
import { rendered, waitForApiMatch, waitForUrl, pageParams, FACET_LIMIT } from '../helpers/page.js';
import { mapView, waitForMapCounts, clickCountry, hoverCountry, shadingProblems } from '../helpers/map.js';
import { freePort, startSite } from '../helpers/site.js';

let server, browser, site;

before(async () => {
  const sitePort = await freePort();
  [server, browser] = await Promise.all([startServer({ corsOrigins: [`http://localhost:${sitePort}`] }), launchBrowser()]);
  site = await startSite(sitePort, server.url, { lang: 'fr', map: 'true', 'per-page': '5' });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await server?.stop();
});

/// Opens the page and waits until both the results and the map show the API's answer.
async function open(query, opts) {
  const page = await newPage(browser, opts);
  await page.goto(server.url + '/' + query);
  const match = await waitForApiMatch(page, server);
  const view = await waitForMapCounts(page, match.api.facets.country);
  return { page, ...match, map: view };
}

/// The API's answer for the page's current URL, as the page asks it.
function apiFor(page) {
  const p = pageParams(page);
  p.set('facet_limit', String(FACET_LIMIT));
  return apiGet(server, '/search?' + p);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const small = async (page) => new Set(await page.evaluate(() => globalThis.PeaceSearchWorld.countries.filter((c) => c.s || !c.d).map((c) => c.id)));

describe('world map', () => {
  test('the shading follows the country counts of /search for a query with filters', async () => {
    const plain = await apiGet(server, `/search?q=paix&facet_limit=${FACET_LIMIT}`);
    const theme = plain.facets.theme[0].value;
    const country = plain.facets.country[0].value;
    const { page, api, map } = await open(`?q=paix&theme=${theme}&year=1995..2020&country=${country}&ui_lang=en`);
    assert.ok(api.facets.country.length > 3, 'several countries to compare');
    // Every country of the facet is on the map, with its count; the rest show 0, unshaded.
    for (const f of api.facets.country) assert.equal(map.byCode[f.value]?.count, f.count, f.value);
    assert.deepEqual(shadingProblems(map), []);
    assert.ok(new Set(map.countries.filter((c) => c.count).map((c) => c.shade)).size > 1, 'more than one shade used');
    const zero = map.countries.filter((c) => c.count === 0);
    assert.ok(zero.length > 100 && zero.every((c) => !c.button && c.shade === 0), 'countries without results drawn, unshaded');
    // The counts ignore the country filter, as the checkboxes' do: the same without it.
    const withoutCountry = await apiGet(server, `/search?q=paix&theme=${theme}&year=1995..2020&facet_limit=${FACET_LIMIT}`);
    assert.deepEqual(api.facets.country, withoutCountry.facets.country);
    assert.equal(map.byCode[country].pressed, 'true');
    assert.ok(map.byCode[country].outlined, 'the ticked country is outlined');
    assert.equal(map.countries.filter((c) => c.outlined).length, 1);

    // Another filter changes the counts, and the map follows.
    await page.locator('#f-type-activity').check();
    await waitForUrl(page, (p) => p.get('type') === 'activity');
    const next = await apiFor(page);
    const view = await waitForMapCounts(page, next.facets.country);
    assert.deepEqual(shadingProblems(view), []);
    assert.deepEqual(page.errors, []);
  });

  test('a click on a country filters exactly as its checkbox does', async () => {
    const { page, map } = await open('?q=armes&ui_lang=en');
    const smallStates = await small(page);
    const big = map.countries.filter((c) => c.count && !smallStates.has(c.code)).sort((a, b) => b.count - a.count)[0].code;
    const tiny = map.countries.find((c) => c.count && smallStates.has(c.code) && c.code !== big)?.code;
    assert.ok(tiny, 'a small state with results (Lebanon, Burundi…) for its marker');
    assert.ok((await mapView(page)).markers.includes(tiny));

    const viaCheckbox = await open('?q=armes&ui_lang=en');
    for (const code of [big, tiny]) {
      await clickCountry(page, code);
      const box = viaCheckbox.page.locator(`#f-country-${code}`);
      if (!(await box.isVisible())) await viaCheckbox.page.locator('#more-country').click();
      await box.check();
      const both = (p) => p.getAll('country').includes(code);
      await waitForUrl(page, both);
      await waitForUrl(viaCheckbox.page, both);
      assert.equal(pageParams(page).toString(), pageParams(viaCheckbox.page).toString(), 'the same URL');
      const [a, b] = [await waitForApiMatch(page, server), await waitForApiMatch(viaCheckbox.page, server)];
      assert.equal(a.view.total, b.view.total);
      assert.deepEqual(a.view.ids, b.view.ids);
      assert.ok(await page.locator(`#f-country-${code}`).isChecked(), 'its checkbox is ticked');
      assert.ok(await page.locator(`.chip[data-chip="country:${code}"]`).isVisible(), 'its chip is shown');
      const view = await waitFor(async () => { const v = await mapView(page); return v.byCode[code].pressed === 'true' && v; },
        { message: `${code} pressed on the map` });
      assert.ok(view.byCode[code].outlined);
    }
    // A second click unticks, as unticking the checkbox would.
    await clickCountry(page, big);
    await waitForUrl(page, (p) => p.getAll('country').join() === tiny);
    const { api, view } = await waitForApiMatch(page, server);
    assert.equal(view.total, (await apiGet(server, `/search?q=armes&country=${tiny}`)).total);
    assert.equal(view.total, api.total);
    assert.equal(await page.locator(`#f-country-${big}`).isChecked(), false);
    assert.equal((await mapView(page)).byCode[big].outlined, false);
    assert.deepEqual(page.errors, []);
  });

  test('with the keyboard alone: one tab stop, arrows between countries, Enter toggles, focus shows name and count', async () => {
    const { page, api } = await open('?q=armes&ui_lang=fr');
    await page.locator('#q').focus();
    const active = () => page.evaluate(() => document.activeElement?.dataset?.code || null);
    let code = null;
    for (let i = 0; i < 80 && !code; i++) {
      await page.keyboard.press('Tab');
      code = await active();
    }
    assert.ok(code, 'Tab reaches the map');
    const counts = new Map(api.facets.country.map((f) => [f.value, f]));
    assert.equal(code, api.facets.country[0].value, 'the tab stop is the country with most results');
    let tip = (await mapView(page)).tip;
    assert.equal(tip?.code, code);
    assert.equal((await mapView(page)).highlighted, code, 'the focused country is outlined');
    assert.match(tip.text, new RegExp(`^${escape(counts.get(code).label)}${counts.get(code).count} résultats?$`));

    // Arrow keys move between countries with results, eastwards for the right arrow.
    const pos = (c) => page.evaluate((c) => globalThis.PeaceSearchWorld.countries.find((x) => x.id === c).p[0], c);
    await page.keyboard.press('ArrowRight');
    const east = await active();
    assert.ok(east && east !== code && counts.has(east), `moved to ${east}`);
    assert.ok((await pos(east)) > (await pos(code)));
    tip = (await mapView(page)).tip;
    assert.equal(tip.code, east);
    assert.equal((await mapView(page)).highlighted, east);
    assert.ok(tip.text.startsWith(counts.get(east).label));

    await page.keyboard.press('Enter');
    await waitForUrl(page, (p) => p.getAll('country').join() === east);
    await waitForApiMatch(page, server);
    await waitFor(async () => (await mapView(page)).byCode[east].pressed === 'true', { message: 'aria-pressed' });
    assert.equal(await active(), east, 'focus stays on the country');
    assert.ok(await page.locator(`#f-country-${east}`).isChecked());
    await page.keyboard.press(' ');
    await waitForUrl(page, (p) => !p.has('country'));
    // The map is one stop: Tab leaves it, Shift+Tab comes back to the country last used.
    await page.keyboard.press('Tab');
    assert.equal(await active(), null);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await active(), east);
    assert.deepEqual(page.errors, []);
  });

  test('in Arabic: right to left, Arabic names on hover, and a click still filters', async () => {
    const { page, api, map } = await open('?q=%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85&ui_lang=ar');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    const f = api.facets.country[0];
    assert.match(f.label, /[\u0600-\u06FF]/);
    await hoverCountry(page, f.value);
    const tip = await waitFor(async () => (await mapView(page)).tip, { message: 'tooltip' });
    assert.equal(tip.code, f.value);
    assert.ok(tip.text.startsWith(f.label), tip.text);
    assert.equal(map.byCode[f.value].label.split(':')[0], f.label, 'aria-label names it in Arabic');
    // A country without results is named in Arabic too (from world.js), and is not a button.
    const none = map.countries.find((c) => c.count === 0 && c.code === 'FR');
    assert.ok(none, 'France has no result for this query');
    await hoverCountry(page, none.code);
    const noneTip = await waitFor(async () => { const t = (await mapView(page)).tip; return t?.code === 'FR' && t; }, { message: 'France tooltip' });
    assert.match(noneTip.text, /^فرنسا/);

    await clickCountry(page, f.value);
    await waitForUrl(page, (p) => p.get('country') === f.value && p.get('ui_lang') === 'ar');
    const { view } = await waitForApiMatch(page, server);
    assert.equal(view.total, f.count);
    assert.match(await page.locator(`.chip[data-chip="country:${f.value}"]`).textContent(), new RegExp(escape(f.label)));
    assert.deepEqual(page.errors, []);
  });

  test('on a phone the map folds into a toggle, and opens to a working map', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await page.goto(server.url + '/?q=armes&ui_lang=en');
    const { api } = await waitForApiMatch(page, server);
    assert.ok(await page.locator('#map-summary').isVisible());
    assert.equal(await page.locator('#map').isVisible(), false);
    await page.locator('#map-summary').click();
    await waitForMapCounts(page, api.facets.country);
    assert.ok(await page.locator('#map .wm-svg').isVisible());
    const code = api.facets.country[0].value;
    await clickCountry(page, code);
    await waitForUrl(page, (p) => p.get('country') === code);
    assert.equal((await waitForApiMatch(page, server)).view.total, api.facets.country[0].count);
  });

  test('the embed with data-map="true" shows the map of its query, and a click filters it', async () => {
    const page = await newPage(browser);
    await page.goto(site.origin + '/');
    const host = '#peacesearch';
    // With a map, the empty box shows the whole directory.
    const all = await apiGet(server, `/search?ui_lang=fr&facet_limit=${FACET_LIMIT}`);
    await waitForMapCounts(page, all.facets.country, host);
    await page.locator('#peacesearch input[type=search]').pressSequentially('armes', { delay: 30 });
    const armes = await apiGet(server, `/search?q=armes&ui_lang=fr&facet_limit=${FACET_LIMIT}`);
    const view = await waitForMapCounts(page, armes.facets.country, host);
    assert.deepEqual(shadingProblems(view), []);

    const f = armes.facets.country[0];
    await clickCountry(page, f.value, host);
    const filtered = await apiGet(server, `/search?q=armes&country=${f.value}&per_page=5&ui_lang=fr`);
    const hits = page.locator('#peacesearch li.hit a.title');
    await waitFor(async () => JSON.stringify(await hits.allTextContents()) === JSON.stringify(filtered.hits.map((h) => h.title)),
      { message: 'the embed filtered by the country' });
    assert.match(await page.locator('#peacesearch .status').textContent(), new RegExp(`${filtered.total} résultats? · ${escape(f.label)}`));
    assert.ok((await mapView(page, host)).byCode[f.value].outlined);
    assert.deepEqual(page.errors, []);
  });

  test('screenshot for the README (SCREENSHOT=1)', { skip: !process.env.SCREENSHOT }, async () => {
    const { page, api } = await open('?q=reconciliation&country=LB&ui_lang=en');
    const smallStates = await small(page);
    const top = api.facets.country.find((f) => !smallStates.has(f.value)).value;
    await hoverCountry(page, top);
    await waitFor(async () => (await mapView(page)).tip?.code === top, { message: 'tooltip' });
    await page.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshot-map.png') });
  });
});
