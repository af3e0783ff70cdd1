#!/usr/bin/env node
// Browser + accessibility test of the public register.
//
//   node tests/browser/register.test.mjs --assent build/assent [--screenshot-dir DIR] [--keep-data]
//
// Starts `<assent> serve --demo --data-dir <tmp> --listen 127.0.0.1:<free port>`, waits for
// GET /healthz, drives Debian's Chromium (playwright-core) through the register as a person would,
// and on every page visited runs axe-core (WCAG 2.0/2.1 A+AA, 2.2 AA), checks that the browser
// logged no errors (CSP violations land there), that no subresource failed, and that the page has
// no inline <script> or on* handler attributes. Prints one line per check and ends with
// `N passed, M failed`; exit code 0 only when nothing failed.
//
// Needs: scripts/install-npm.sh browser; chromium at /usr/bin/chromium (or $CHROMIUM_PATH).

import { check, checkPage, clickAndWait, expect, h1Text, runBrowserTest, visit } from './harness.mjs';

// ---------------------------------------------------------------- the flow

async function runFlow(page, state, opts) {
  const base = state.base;
  const goto = (p) => visit(page, state, () => page.goto(base + p, { waitUntil: 'load' }));

  await check('home lists Cumbria, Lancashire and Essex', async () => {
    await goto('/');
    for (const name of ['Cumbria', 'Lancashire', 'Essex']) {
      const n = await page.getByRole('link', { name: new RegExp(name) }).count();
      expect(n >= 1, `no link whose text contains "${name}" on /`);
    }
    await h1Text(page);
  });
  await checkPage(page, state, opts);

  await check('home -> Cumbria register lists 006/2017', async () => {
    await goto('/');
    const link = page.getByRole('link', { name: /Cumbria/ }).first();
    await visit(page, state, () => clickAndWait(page, link, /\/cumbria\/decisions\/?$/));
    expect(new URL(page.url()).pathname.replace(/\/$/, '').endsWith('/cumbria/decisions'), `landed on ${page.url()}`);
    await h1Text(page);
    const table = page.locator('table');
    expect((await table.count()) >= 1, 'no <table> on the register page');
    const row = page.locator('table tr', { hasText: '006/2017' });
    expect((await row.count()) >= 1, 'no table row contains "006/2017"');
  });
  await checkPage(page, state, opts);

  await check('Cumbria register -> decision 006/2017', async () => {
    if (!new URL(page.url()).pathname.replace(/\/$/, '').endsWith('/cumbria/decisions')) await goto('/cumbria/decisions');
    let link = page.getByRole('link', { name: /006\/2017/ }).first();
    if ((await page.getByRole('link', { name: /006\/2017/ }).count()) === 0)
      link = page.locator('table tr', { hasText: '006/2017' }).getByRole('link').first();
    await visit(page, state, () => clickAndWait(page, link, /\/cumbria\/decisions\/006-2017\/?$/));
    const h1 = await h1Text(page);
    expect(h1.includes('ICT Strategy 2016'), `h1 is "${h1}", expected it to contain "ICT Strategy 2016"`);
    const body = await page.locator('body').innerText();
    expect(/Part 2/.test(body), 'page does not mention the confidential "Part 2"');
  });
  await checkPage(page, state, opts);

  await check('Essex decision 097-21 renders', async () => {
    const res = await goto('/essex/decisions/097-21');
    expect(res && res.status() === 200, `status ${res && res.status()}`);
    const h1 = await h1Text(page);
    expect(h1.length > 0, 'empty <h1>');
  });
  await checkPage(page, state, opts);

  await check('unknown body gives a 404 page with a heading', async () => {
    const res = await goto('/no-such-body/decisions');
    expect(res && res.status() === 404, `status ${res && res.status()}, expected 404`);
    const h1 = await h1Text(page);
    expect(h1.length > 0, 'empty <h1>');
  });
  await checkPage(page, state, opts, { expectStatus: 404 });

  await check('register search box -> search results with marked words', async () => {
    await goto('/cumbria/decisions');
    await page.getByLabel('Search these decisions').fill('strategy');
    await visit(page, state, () => clickAndWait(page, page.getByRole('button', { name: 'Search' }), /\/search\?/));
    const h1 = await h1Text(page);
    expect(h1 === 'Search decisions', `h1 is "${h1}"`);
    expect((await page.locator('.assent-snippet mark').count()) >= 1, 'no <mark> in the snippets');
    expect((await page.locator('link[rel="alternate"][type="application/atom+xml"]').count()) === 1, 'no Atom link');
  });
  await checkPage(page, state, opts);

  await check('decision -> printable notice', async () => {
    await goto('/cumbria/decisions/006-2017');
    await visit(page, state, () => clickAndWait(page, page.getByRole('link', { name: 'printable notice' }), /\/print$/));
    const h1 = await h1Text(page);
    expect(h1.startsWith('Decision notice 006/2017'), `h1 is "${h1}"`);
    expect((await page.locator('#media-record').count()) === 1, 'no media record');
  });
  await checkPage(page, state, opts);
}

await runBrowserTest('register.test', runFlow);
