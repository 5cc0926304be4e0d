// The search page against the real server: typing, facets, years, paging, URL state, history.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, apiGet, REPO_ROOT } from '../helpers/server.js';
import { launchBrowser, newPage, waitFor } from '../helpers/browser.js';
import { rendered, waitForApiMatch, waitForUrl, facetMismatches } from '../helpers/page.js';

let server, browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(query = '?ui_lang=en', opts) {
  const page = await newPage(browser, opts);
  await page.goto(server.url + '/' + query);
  await waitForApiMatch(page, server);
  return page;
}

describe('search page', () => {
  test('is served with HTML and JS content types and cache headers', async () => {
    const html = await fetch(server.url + '/');
    assert.match(html.headers.get('content-type'), /text\/html/);
    assert.equal(html.headers.get('cache-control'), 'no-cache');
    const js = await fetch(server.url + '/app.js');
    assert.match(js.headers.get('content-type'), /javascript/);
    assert.match(js.headers.get('cache-control'), /max-age/);
  });

  test('typing a query shows the results and the total the API gives', async () => {
    const page = await open();
    await page.locator('#q').pressSequentially('armes', { delay: 40 });
    await waitForUrl(page, (p) => p.get('q') === 'armes', 'q=armes in the URL');
    const { api, view } = await waitForApiMatch(page, server);
    assert.ok(api.total > 10, 'armes should match many records');
    assert.equal(view.total, api.total);
    assert.equal(view.ids.length, api.per_page);
    assert.match(await page.locator('#status').textContent(), new RegExp(`${api.total} results`));
    assert.match(await page.locator('#took').textContent(), /ms/);
    // highlighted title and snippet come from the server, with <mark>
    assert.ok(await page.locator('#results mark').count() > 0);
    // typing replaced its own history entry rather than adding one per keystroke
    assert.ok(await page.evaluate(() => history.length) <= 3);
    assert.deepEqual(page.errors, []);
  });

  test('a stale answer never overwrites a newer one', async () => {
    const page = await newPage(browser);
    // Hold back the answer for "arm" so it would arrive after the answer for "armes".
    await page.route('**/search?*', async (route) => {
      const q = new URL(route.request().url()).searchParams.get('q');
      if (q === 'arm') await new Promise((r) => setTimeout(r, 1200));
      await route.continue().catch(() => {});
    });
    await page.goto(server.url + '/?ui_lang=en');
    await waitForApiMatch(page, server);
    await page.locator('#q').pressSequentially('arm', { delay: 20 });
    await page.waitForTimeout(300);
    await page.locator('#q').pressSequentially('es', { delay: 20 });
    await waitForUrl(page, (p) => p.get('q') === 'armes');
    await waitForApiMatch(page, server);
    await page.waitForTimeout(1500); // the delayed "arm" answer has come and gone
    const armes = await apiGet(server, '/search?q=armes&ui_lang=en');
    assert.equal((await rendered(page)).total, armes.total);
  });

  test('ticking a country and a theme filters and updates the other facets as the API says', async () => {
    const page = await open('?q=armes&ui_lang=en');
    const before = await rendered(page);

    await page.locator('#f-country-ML').check();
    await waitForUrl(page, (p) => p.getAll('country').join() === 'ML');
    let { api, view } = await waitForApiMatch(page, server);
    assert.deepEqual(facetMismatches(view, api), []);
    assert.ok(view.total < before.total);

    await page.locator('#f-theme-small-arms').check();
    await waitForUrl(page, (p) => p.getAll('theme').join() === 'small-arms' && p.getAll('country').join() === 'ML');
    ({ api, view } = await waitForApiMatch(page, server));
    assert.deepEqual(facetMismatches(view, api), []);
    // The country facet now counts within small-arms, so it changed from the start…
    const countryBefore = new Map(before.facets.country.map((f) => [f.value, f.count]));
    assert.ok(view.facets.country.some((f) => f.count !== countryBefore.get(f.value)), 'country counts changed');
    // …and it is exactly the API's count for theme=small-arms alone (multi-select semantics).
    const themeOnly = await apiGet(server, '/search?q=armes&theme=small-arms&ui_lang=en&facet_limit=100');
    for (const f of view.facets.country) {
      assert.equal(f.count, themeOnly.facets.country.find((c) => c.value === f.value)?.count ?? 0, f.value);
    }
    assert.ok(await page.locator('#f-country-ML').isChecked());
    assert.ok(await page.locator('#f-theme-small-arms').isChecked());
    // Chips for both, removable
    assert.equal(await page.locator('.chip').count(), 2);
    await page.locator('.chip[data-chip="country:ML"]').click();
    await waitForUrl(page, (p) => !p.has('country') && p.get('theme') === 'small-arms');
    ({ api, view } = await waitForApiMatch(page, server));
    assert.deepEqual(facetMismatches(view, api), []);
    await page.locator('#clear-all').click();
    await waitForUrl(page, (p) => !p.has('theme') && p.get('q') === 'armes');
    await waitForApiMatch(page, server);
  });

  test('a year range from the inputs or two bar clicks sets year=A..B', async () => {
    const page = await open('?q=paix&ui_lang=en');
    await page.locator('#year-from').fill('2000');
    await page.locator('#year-to').fill('2005');
    await page.locator('#year-apply').click();
    await waitForUrl(page, (p) => p.get('year') === '2000..2005');
    let { api, view } = await waitForApiMatch(page, server);
    assert.ok(api.total > 0);
    assert.deepEqual(view.years.filter((y) => y.count), api.facets.year.map((y) => ({ value: y.value, count: y.count })));
    assert.ok(await page.locator('.chip[data-chip="year"]').isVisible());

    await page.locator('.bar[data-year="2010"]').click();
    await waitForUrl(page, (p) => p.get('year') === '2010');
    await page.locator('.bar[data-year="2014"]').click();
    await waitForUrl(page, (p) => p.get('year') === '2010..2014');
    ({ api, view } = await waitForApiMatch(page, server));
    assert.equal(await page.locator('.bar.in-range').count(), 5);
    assert.equal(await page.locator('#year-from').inputValue(), '2010');
    assert.equal(await page.locator('#year-to').inputValue(), '2014');
  });

  test('paging forward shows page 2, puts page=2 in the URL, and a reload keeps the state', async () => {
    const page = await open('?q=armes&ui_lang=en');
    await page.locator('#f-type-activity').check();
    await waitForUrl(page, (p) => p.get('type') === 'activity');
    const first = await waitForApiMatch(page, server);
    await page.locator('#page-next').click();
    await waitForUrl(page, (p) => p.get('page') === '2');
    const second = await waitForApiMatch(page, server);
    assert.equal(second.view.page, '2');
    assert.notDeepEqual(second.view.ids, first.view.ids);

    await page.reload();
    const again = await waitForApiMatch(page, server);
    assert.deepEqual(again.view.ids, second.view.ids);
    assert.equal(again.view.q, 'armes');
    assert.equal(again.view.page, '2');
    assert.ok(await page.locator('#f-type-activity').isChecked());
  });

  test('the back button restores the previous search', async () => {
    const page = await open('?ui_lang=en');
    await page.locator('#q').fill('paix');
    await page.locator('#q').press('Enter');
    await waitForUrl(page, (p) => p.get('q') === 'paix');
    const plain = await waitForApiMatch(page, server);
    const country = plain.api.facets.country[0].value; // the first checkbox shown
    await page.locator(`#f-country-${country}`).check();
    await waitForUrl(page, (p) => p.get('country') === country);
    await waitForApiMatch(page, server);

    await page.goBack();
    await waitForUrl(page, (p) => p.get('q') === 'paix' && !p.has('country'));
    const back = await waitForApiMatch(page, server);
    assert.equal(back.view.total, plain.view.total);
    assert.equal(await page.locator(`#f-country-${country}`).isChecked(), false);
    await page.goBack();
    await waitForUrl(page, (p) => !p.has('q'));
    assert.equal((await waitForApiMatch(page, server)).view.q, '');
    await page.goForward();
    await waitForUrl(page, (p) => p.get('q') === 'paix');
    assert.equal(await page.locator('#q').inputValue(), 'paix');
  });

  test('a result opens its record in a dialog, addressable by URL', async () => {
    const page = await open('?q=conascipal&ui_lang=en');
    await page.locator('#results .hit-link').first().click();
    await waitForUrl(page, (p) => p.has('doc'));
    const id = new URL(page.url()).searchParams.get('doc');
    const doc = await apiGet(server, `/documents/${id}?ui_lang=en`);
    await waitFor(async () => (await page.locator('#dialog-title').textContent()) === doc.title, { message: 'dialog title' });
    await page.keyboard.press('Escape');
    await waitForUrl(page, (p) => !p.has('doc'));
    assert.equal(await page.locator('#doc-dialog').isVisible(), false);
  });

  test('on a phone the facets fold into a disclosure', async () => {
    const page = await open('?q=armes&ui_lang=en', { width: 390, height: 844 });
    assert.equal(await page.locator('#f-country-ML').isVisible(), false);
    await page.locator('#filters-summary').click();
    assert.ok(await page.locator('#f-country-ML').isVisible());
    assert.ok(await page.locator('#results .hit').first().isVisible());
  });

  test('screenshot for the README (SCREENSHOT=1)', { skip: !process.env.SCREENSHOT }, async () => {
    const page = await open('?q=armes&theme=small-arms&ui_lang=en');
    await page.locator('#q').focus();
    await page.locator('#q').blur();
    await page.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshot.png') });
  });
});
