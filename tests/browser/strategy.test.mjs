#!/usr/bin/env node
// Browser + accessibility test of the public strategy register.
//
//   node tests/browser/strategy.test.mjs --assent build/assent [--screenshot-dir DIR] [--keep-data]
//
// Starts the demo register, then as a person would: the home page -> the strategies
// timeline (an SVG with a table alternative) -> Cumbria's strategies -> the ICT Strategy
// 2015-2019 -> its approving decision and back -> its delivery report for the Police and
// Crime Panel -> the Essex and Lancashire strategies. Every page visited must have zero
// axe-core violations, no browser errors and no inline script (see harness.mjs).
//
// Needs: scripts/install-npm.sh browser; chromium at /usr/bin/chromium (or $CHROMIUM_PATH).

import { check, checkPage, clickAndWait, expect, h1Text, runBrowserTest, visit } from './harness.mjs';

async function runFlow(page, state, opts) {
  const base = state.base;
  const goto = (p) => visit(page, state, () => page.goto(base + p, { waitUntil: 'load' }));

  await check('home -> strategies timeline', async () => {
    await goto('/');
    const link = page.getByRole('link', { name: /Strategies approved by these bodies/ });
    expect((await link.count()) === 1, 'no link to the strategies from the home page');
    await visit(page, state, () => clickAndWait(page, link, /\/strategies$/));
    expect((await h1Text(page)) === 'Strategies', 'h1 is not "Strategies"');
    const svg = page.locator('svg[role="img"]');
    expect((await svg.count()) === 1, 'expected one timeline <svg role="img">');
    const labelled = await svg.getAttribute('aria-labelledby');
    expect(labelled === 'timeline-title timeline-desc', `aria-labelledby is "${labelled}"`);
    const name = await page.evaluate(() => document.getElementById('timeline-title')?.textContent);
    expect(name && name.includes('Timeline'), `svg <title> is "${name}"`);
    const rows = await page.locator('#timeline-table tbody tr').count();
    expect(rows === 5, `the table alternative has ${rows} rows, expected 5 strategies`);
  });
  await checkPage(page, state, opts);

  await check('timeline -> Cumbria strategies', async () => {
    const link = page.getByRole('link', { name: 'Police & Crime Commissioner for Cumbria' });
    await visit(page, state, () => clickAndWait(page, link, /\/cumbria\/strategies$/));
    const rows = await page.locator('table').first().locator('tbody tr').count();
    expect(rows === 3, `expected 3 Cumbria strategies, found ${rows}`);
  });
  await checkPage(page, state, opts);

  await check('Cumbria strategies -> ICT Strategy 2015–2019 with versions, progress and targets', async () => {
    const link = page.locator('table').first().getByRole('link', { name: 'Cumbria Constabulary ICT Strategy 2015–2019', exact: true });
    await visit(page, state, () => clickAndWait(page, link, /\/cumbria\/strategies\/ict-2015-2019$/));
    const h1 = await h1Text(page);
    expect(h1 === 'Cumbria Constabulary ICT Strategy 2015–2019', `h1 is "${h1}"`);
    const body = await page.locator('main').innerText();
    for (const text of ['November 2015 update (V1.1)', 'Mobile working', '1400 Samsung Galaxy devices', '£3.1m', '£2.25m', '138%'])
      expect(body.includes(text), `page does not show "${text}"`);
  });
  await checkPage(page, state, opts);

  await check('strategy -> approving decision 008/2016, which links back', async () => {
    const link = page.getByRole('link', { name: '008/2016' }).first();
    await visit(page, state, () => clickAndWait(page, link, /\/cumbria\/decisions\/008-2016$/));
    const back = page.locator('#approves-strategy').getByRole('link', { name: 'Cumbria Constabulary ICT Strategy 2015–2019' });
    expect((await back.count()) === 1, 'the decision page does not link the strategy it approved');
  });
  await checkPage(page, state, opts);

  await check('delivery report as at 1 March 2017 lists 5 overdue deliverables', async () => {
    await goto('/cumbria/strategies/ict-2015-2019');
    const link = page.getByRole('link', { name: 'Delivery report for the Police and Crime Panel' });
    await visit(page, state, () => clickAndWait(page, link, /\/report$/));
    await page.getByLabel('Report as at (YYYY-MM-DD)').fill('2017-03-01');
    await visit(page, state, () =>
      clickAndWait(page, page.getByRole('button', { name: 'Show report' }), /as_of=2017-03-01/));
    const overdue = page
      .locator('.govuk-summary-list__row')
      .filter({ has: page.locator('dt', { hasText: /^Overdue$/ }) })
      .locator('dd');
    const n = (await overdue.innerText()).trim();
    expect(n === '5', `overdue count is "${n}", expected 5`);
  });
  await checkPage(page, state, opts);

  for (const [p, title] of [
    ['/essex/strategies/digital-strategy-2021', 'Essex Police Digital Strategy'],
    ['/lancashire/strategies/ict-2018-2025', 'Lancashire Constabulary Information and Communications Technology Strategy 2018–2025'],
    ['/cumbria/strategies/ddat-2020-2025', 'Cumbria Constabulary Digital, Data and Technology Strategy 2020–2025'],
    ['/lancashire/strategies', 'Strategies'],
  ]) {
    await check(`${p} renders`, async () => {
      const res = await goto(p);
      expect(res && res.status() === 200, `status ${res && res.status()}`);
      const h1 = await h1Text(page);
      expect(h1 === title, `h1 is "${h1}", expected "${title}"`);
    });
    await checkPage(page, state, opts);
  }

  await check('unknown strategy gives a 404 page', async () => {
    const res = await goto('/cumbria/strategies/no-such-strategy');
    expect(res && res.status() === 404, `status ${res && res.status()}, expected 404`);
  });
  await checkPage(page, state, opts, { expectStatus: 404 });
}

await runBrowserTest('strategy.test', runFlow);
