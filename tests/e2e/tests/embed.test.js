// The embeddable widget, used from a page on another origin through the CORS allow-list.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, apiGet } from '../helpers/server.js';
import { launchBrowser, newPage, waitFor } from '../helpers/browser.js';
import { freePort, startSite } from '../helpers/site.js';

let server, browser, allowedSite, otherSite;

before(async () => {
  const [allowedPort, otherPort] = [await freePort(), await freePort()];
  [server, browser] = await Promise.all([
    startServer({ corsOrigins: [`http://localhost:${allowedPort}`] }),
    launchBrowser(),
  ]);
  allowedSite = await startSite(allowedPort, server.url);
  otherSite = await startSite(otherPort, server.url);
});
after(async () => {
  await browser?.close();
  await Promise.all([allowedSite?.close(), otherSite?.close()]);
  await server?.stop();
});

describe('embed.js', () => {
  test('works from an allowed origin: typing shows results from the API', async () => {
    const page = await newPage(browser);
    await page.goto(allowedSite.origin + '/');
    const input = page.locator('#peacesearch input[type=search]'); // pierces the open shadow root
    await input.pressSequentially('armes', { delay: 30 });
    const api = await apiGet(server, '/search?q=armes&per_page=5&ui_lang=en');
    const hits = page.locator('#peacesearch li.hit');
    // Answers for "arm" and "arme" may show first (same count); wait for the last word's.
    await waitFor(async () => (await hits.count()) === api.hits.length &&
      (await hits.first().locator('a.title').textContent()) === api.hits[0].title,
    { message: 'embedded results for the whole word' });
    assert.match(await page.locator('#peacesearch .status').textContent(), new RegExp(`${api.total} results`));
    assert.ok(await page.locator('#peacesearch mark').count() > 0);
    const href = await hits.first().locator('a.title').getAttribute('href');
    assert.ok(href.startsWith(server.url + '/?'), href);
    assert.deepEqual(page.errors, []);
  });

  test('is refused from an origin that is not in --cors-origin', async () => {
    const page = await newPage(browser);
    await page.goto(otherSite.origin + '/');
    await page.locator('#peacesearch input[type=search]').pressSequentially('armes', { delay: 30 });
    await waitFor(async () => /unavailable/.test(await page.locator('#peacesearch .status').textContent()),
      { message: 'the error message' });
    assert.equal(await page.locator('#peacesearch li.hit').count(), 0);
  });
});
