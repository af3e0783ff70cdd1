#!/usr/bin/env node
// Browser + accessibility test of the compliance view and the forward plan.
//
//   node tests/browser/compliance.test.mjs --assent build/assent [--screenshot-dir DIR] [--keep-data]
//
// Starts `<assent> serve --demo` (tests/browser/harness.mjs), adds a Cumbria governance officer
// and an originating officer with `assent user add ... --password-stdin`, then in real chromium:
// the governance officer opens the compliance view, adds a forward plan item with nothing typed
// (refused, an error beside each field, nothing stored), adds it properly, and finds it on the
// public forward plan; the originating officer is refused the compliance view with a sentence.
// Every page visited is checked with axe-core (zero violations).

import { addStaffUser, check, checkPage, clickAndWait, expect, h1Text, runBrowserTest, staffActions, visit } from './harness.mjs';

const PASSWORD = 'correct horse battery staple';
const TITLE = 'Replacement of the town centre CCTV';

async function runFlow(page, state, opts) {
  const { goto, path, bodyText, submit, signIn } = staffActions(page, state, PASSWORD);

  const ok = await check('staff accounts added with `assent user add --password-stdin`', async () => {
    await addStaffUser(state, ['cu_gov', 'Gina Governance', 'cumbria:governance_officer'], PASSWORD);
    await addStaffUser(state, ['cu_orig', 'Olive Originator', 'cumbria:originating_officer'], PASSWORD);
  });
  if (!ok) return;

  await check('the governance officer finds the compliance view from their work page', async () => {
    await signIn('cu_gov');
    const link = page.getByRole('link', { name: /^Compliance: / }).first();
    await visit(page, state, () => clickAndWait(page, link, /\/staff\/cumbria\/compliance$/));
    expect((await h1Text(page)) === 'Publication compliance', `heading: ${await h1Text(page)}`);
    const summary = await page.locator('#compliance-summary').innerText();
    expect(/\d+ published, \d+ late; \d+ overdue now/.test(summary), `summary: ${summary}`);
  });
  await checkPage(page, state, opts);

  await check('an empty forward plan item is refused beside each field, nothing stored', async () => {
    await goto('/staff/cumbria/forward-plan');
    await submit('Add to the forward plan', /\/staff\/cumbria\/forward-plan$/);
    expect(state.lastNavigation && state.lastNavigation.status === 400, `status ${state.lastNavigation && state.lastNavigation.status}`);
    for (const id of ['title', 'summary', 'decision_maker', 'planned_date']) {
      expect(await page.locator(`#${id}-error`).count() === 1, `no error beside ${id}`);
    }
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary.includes('Enter the title'), `no error summary: ${summary}`);
  });
  await checkPage(page, state, opts, { expectStatus: 400 });

  await check('a forward plan item is added and shown with where it stands', async () => {
    await goto('/staff/cumbria/forward-plan');
    await page.locator('#title').fill(TITLE);
    await page.locator('#summary').fill('Replace the 40 cameras in the town centre.');
    await page.locator('#decision_maker').fill('Police & Crime Commissioner');
    await page.locator('#planned_date').fill('2027-03-01');
    await page.locator('#part2_expected').check();
    await submit('Add to the forward plan', /\/staff\/cumbria\/forward-plan\?done=added$/);
    const table = await page.locator('#forward-plan').innerText();
    expect(table.includes(TITLE) && table.includes('1 March 2027'), `table:\n${table}`);
  });
  await checkPage(page, state, opts);

  await check('the public forward plan shows the item', async () => {
    await goto('/cumbria/forward-plan');
    expect((await h1Text(page)) === 'Forward plan', `heading: ${await h1Text(page)}`);
    const table = await page.locator('#forward-plan').innerText();
    expect(table.includes(TITLE), `public table:\n${table}`);
  });
  await checkPage(page, state, opts);

  await check('an originating officer is refused the compliance view with a sentence', async () => {
    await goto('/staff');
    await submit('Sign out', /\/staff\/sign-in\?signed_out=1$/);
    await signIn('cu_orig');
    const res = await goto('/staff/cumbria/compliance');
    expect(res.status() === 403, `status ${res.status()}`);
    expect((await bodyText()).includes('needs the role'), await bodyText());
  });
  await checkPage(page, state, opts, { expectStatus: 403 });
}

await runBrowserTest('compliance.test', runFlow);
