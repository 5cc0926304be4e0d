// French/English interface, autocomplete from /suggest with the keyboard, spelling suggestion.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, apiGet } from '../helpers/server.js';
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

describe('languages', () => {
  test('the switch turns the interface and facet labels French and puts ui_lang=fr in the URL', async () => {
    const page = await open('?q=armes&ui_lang=en');
    assert.equal(await page.locator('button.primary').textContent(), 'Search');
    await page.locator('[data-lang=fr]').click();
    await waitForUrl(page, (p) => p.get('ui_lang') === 'fr' && p.get('q') === 'armes');
    const { api, view } = await waitForApiMatch(page, server);
    await waitFor(async () => (await rendered(page)).facets.theme.some((f) => f.label === 'Armes légères et de petit calibre'),
      { message: 'French theme label' });
    assert.deepEqual(facetMismatches(view, api), []);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal(await page.locator('button.primary').textContent(), 'Rechercher');
    assert.equal(await page.locator('[data-facet=country] h3').textContent(), 'Pays');
    assert.equal(await page.locator('[data-lang=fr]').getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('#status').textContent(), /résultats/);
  });

  test('a shared French URL opens that search in French', async () => {
    const page = await open('?q=armes&country=ML&ui_lang=fr');
    assert.equal(await page.locator('#q').inputValue(), 'armes');
    assert.ok(await page.locator('#f-country-ML').isChecked());
    assert.equal(await page.locator('.chip[data-chip="country:ML"]').textContent(), 'Mali×');
    const labels = (await rendered(page)).facets.theme.map((f) => f.label);
    assert.ok(labels.includes('Armes légères et de petit calibre'), labels.join(', '));
  });

  test('with no ui_lang the browser language is used', async () => {
    const page = await newPage(browser, { locale: 'fr-FR' });
    await page.goto(server.url + '/');
    await waitFor(async () => (await page.locator('button.primary').textContent()) === 'Rechercher', { message: 'French button' });
  });
});

describe('autocomplete', () => {
  test('"conasc" lists CONASCIPAL; arrow keys and Enter open the organisation', async () => {
    const page = await open('?ui_lang=en');
    const input = page.locator('#q');
    await input.pressSequentially('conasc', { delay: 30 });
    const options = page.locator('#suggestions [role=option]');
    // Lists for the shorter prefixes typed on the way ("co", "con"…) may show first.
    await waitFor(async () => (await options.count()) > 0 && /CONASCIPAL/.test(await options.first().textContent()),
      { message: 'suggestions for "conasc"' });
    assert.equal(await input.getAttribute('aria-expanded'), 'true');

    await input.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    await input.press('Enter');
    await waitForUrl(page, (p) => p.get('doc') === 'conascipal');
    const doc = await apiGet(server, '/documents/conascipal?ui_lang=en');
    await waitFor(async () => (await page.locator('#dialog-title').textContent()) === doc.title, { message: 'record dialog' });
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
  });

  test('choosing a theme suggestion toggles that filter; Escape closes the list', async () => {
    const page = await open('?ui_lang=en');
    const input = page.locator('#q');
    await input.pressSequentially('small', { delay: 30 });
    const options = page.locator('#suggestions [role=option]');
    await waitFor(async () => (await options.count()) > 0, { message: 'suggestions' });
    await input.press('Escape');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#suggestions').isVisible(), false);

    await input.press('ArrowDown'); // reopens
    await waitFor(async () => (await options.count()) > 0, { message: 'suggestions again' });
    const kinds = await options.evaluateAll((els) => els.map((e) => e.dataset.kind));
    const themeAt = kinds.indexOf('theme');
    assert.ok(themeAt >= 0, `a theme suggestion in ${kinds}`);
    assert.equal(await input.getAttribute('aria-activedescendant'), null);
    for (let i = 0; i <= themeAt; i++) await input.press('ArrowDown');
    assert.equal(await page.locator('#suggestions [aria-selected=true]').getAttribute('data-kind'), 'theme');
    await input.press('Enter');
    await waitForUrl(page, (p) => p.get('theme') === 'small-arms' && !p.get('q'));
    await waitForApiMatch(page, server);
    assert.ok(await page.locator('#f-theme-small-arms').isChecked());
    assert.equal(await input.inputValue(), '');
  });
});

describe('spelling', () => {
  test('a misspelt query offers the correction as a link that searches it', async () => {
    const page = await open('?q=reconcilation&ui_lang=en');
    const api = await apiGet(server, '/search?q=reconcilation&ui_lang=en');
    assert.equal(api.suggestion, 'reconciliation');
    const link = page.locator('#suggestion-link');
    assert.equal(await link.textContent(), 'reconciliation');
    if (api.total === 0) assert.ok(await page.locator('.no-results').isVisible());
    await link.click();
    await waitForUrl(page, (p) => p.get('q') === 'reconciliation');
    const { view } = await waitForApiMatch(page, server);
    assert.ok(view.total > 0);
    assert.equal(view.q, 'reconciliation');
  });

  test('typing a word no record holds keeps the other words and says so', async () => {
    const page = await open('?ui_lang=en');
    await page.locator('#q').pressSequentially('women observers ceasefire zanzibarite', { delay: 15 });
    await waitForUrl(page, (p) => p.get('q') === 'women observers ceasefire zanzibarite');
    const { api, view } = await waitForApiMatch(page, server);
    assert.equal(api.relaxed, true);
    assert.deepEqual(api.dropped_words, ['zanzibarite']);
    assert.ok(view.total > 0);
    const notice = page.locator('#relaxed-notice');
    await waitFor(async () => (await notice.count()) > 0, { message: 'the relaxed notice' });
    assert.equal(await notice.textContent(),
      'No result for all words; showing results for “women observers ceasefire”.');
    assert.deepEqual(page.errors, []);
  });
});
