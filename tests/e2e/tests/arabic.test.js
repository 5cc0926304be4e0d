// The Arabic interface (issue 13): right to left, Arabic labels from the API, Arabic search,
// readable numbers and year histogram.

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

async function open(query, opts) {
  const page = await newPage(browser, opts);
  await page.goto(server.url + '/' + query);
  await waitForApiMatch(page, server);
  return page;
}

describe('Arabic interface', () => {
  test('the AR switch turns the page right to left with Arabic labels and ui_lang=ar', async () => {
    const page = await open('?q=armes&ui_lang=en');
    assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
    await page.locator('[data-lang=ar]').click();
    await waitForUrl(page, (p) => p.get('ui_lang') === 'ar' && p.get('q') === 'armes');
    const { api, view } = await waitForApiMatch(page, server);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    assert.equal(await page.locator('button.primary').textContent(), 'بحث');
    await waitFor(async () => (await rendered(page)).facets.theme.some((f) => f.label === 'الأسلحة الصغيرة والأسلحة الخفيفة'),
      { message: 'Arabic theme label' });
    assert.deepEqual(facetMismatches(view, api), []);
    assert.equal(await page.locator('[data-lang=ar]').getAttribute('aria-pressed'), 'true');
    // The search box sits at the right edge of its row, the sidebar on the right.
    const box = await page.locator('#q').boundingBox();
    const sidebar = await page.locator('.sidebar').boundingBox();
    const results = await page.locator('#results').boundingBox();
    assert.ok(sidebar.x > results.x, `sidebar (${sidebar.x}) right of results (${results.x}) in RTL`);
    assert.ok(box.width > 100);
    assert.deepEqual(page.errors, []);
  });

  test('typing Arabic finds Arabic records with their marked words, keystroke by keystroke', async () => {
    const page = await open('?ui_lang=ar');
    await page.locator('#q').pressSequentially('المصالحة', { delay: 30 });
    await waitForUrl(page, (p) => p.get('q') === 'المصالحة');
    const { api, view } = await waitForApiMatch(page, server);
    assert.ok(api.total > 0);
    assert.equal(view.total, api.total);
    assert.ok(await page.locator('#results mark').count() > 0, 'Arabic words are marked');
    // Arabic result text runs right to left even when an English record sits beside it.
    const dir = await page.locator('#results .hit-link').first().getAttribute('dir');
    assert.equal(dir, 'auto');
    // Numbers stay readable: the total in Western digits, the years histogram left to right.
    assert.match(await page.locator('#status').textContent(), /[0-9]/, 'Western digits');
    const histogram = page.locator('.histogram');
    if (await histogram.count()) {
      assert.equal(await histogram.evaluate((n) => getComputedStyle(n).direction), 'ltr');
      const first = await page.locator('.histogram .bar').first().getAttribute('data-year');
      const last = await page.locator('.histogram .bar').last().getAttribute('data-year');
      assert.ok(+first <= +last);
    }
    assert.deepEqual(page.errors, []);
  });

  test('ticking a country filters as in the other languages, with its Arabic name', async () => {
    const page = await open('?q=%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85&ui_lang=ar');
    const first = (await rendered(page)).facets.country[0];
    await page.locator(`#f-country-${first.value}`).check();
    await waitForUrl(page, (p) => p.get('country') === first.value);
    const { api, view } = await waitForApiMatch(page, server);
    assert.equal(view.total, api.total);
    const name = api.facets.country.find((f) => f.value === first.value).label;
    assert.match(name, /[\u0600-\u06FF]/, 'an Arabic country name');
    assert.match(await page.locator(`.chip[data-chip="country:${first.value}"]`).textContent(), new RegExp(name));
  });

  test('screenshot of the Arabic page (SCREENSHOT=1)', { skip: !process.env.SCREENSHOT }, async () => {
    const page = await open('?q=%D8%A7%D9%84%D9%85%D8%B5%D8%A7%D9%84%D8%AD%D8%A9&ui_lang=ar');
    await page.locator('#q').blur();
    await page.screenshot({ path: path.join(REPO_ROOT, 'docs/screenshot-ar.png') });
  });
});
