#!/usr/bin/env node
// Browser + accessibility test of the import review queue.
//
//   node tests/browser/import_review.test.mjs --assent build/assent [--screenshot-dir DIR] [--keep-data]
//
// Starts `<assent> serve --demo` (tests/browser/harness.mjs), then on the same data directory:
//  - imports tests/data/import/cumbria_unmarked_outcome.txt with `assent import` (a Cumbria record
//    whose "approve / do not approve" is left unstruck: its outcome is unknown), which queues it;
//  - adds a Cumbria chief executive with `assent user add --password-stdin`;
// then in Chromium the chief executive signs in, follows the staff home's link to the queue, opens
// the record, sees the outcome tagged "Unknown" beside the numbered source text (its source-line links
// lead to the line), corrects the title and the outcome and a field outside the key ones (press
// release required; a report date that is not a date is refused beside its field first), confirms,
// and finds the decision on the public register with the corrected title and press-release answer. Every page visited is checked with axe-core (zero
// violations), for browser errors and for inline script.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { addStaffUser, check, checkPage, clickAndWait, expect, h1Text, runAssent, runBrowserTest, visit } from './harness.mjs';

const PASSWORD = 'correct horse battery staple';
const DOCUMENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/import/cumbria_unmarked_outcome.txt');

async function runFlow(page, state, opts) {
  const base = state.base;
  const goto = (p) => visit(page, state, () => page.goto(base + p, { waitUntil: 'load' }));
  const pathname = () => new URL(page.url()).pathname;
  const bodyText = () => page.locator('main').innerText();
  const submit = (name, pattern) => visit(page, state, () => clickAndWait(page, page.getByRole('button', { name, exact: true }), pattern));
  const follow = (name, pattern) => visit(page, state, () => clickAndWait(page, page.locator('main a').filter({ hasText: name }).first(), pattern));

  const ready = await check('the document is queued by `assent import` and a chief executive added', async () => {
    const out = await runAssent(state, ['import', DOCUMENT]);
    expect(out.includes('1 queued for review, 0 confirmed, 0 failed, 0 duplicates skipped'), `import said:\n${out}`);
    expect(out.includes('(1 unknown, 0 low-confidence key fields)'), `the unknown outcome was not counted:\n${out}`);
    await addStaffUser(state, ['cu_ce', 'Chris Executive', 'cumbria:chief_executive'], PASSWORD);
  });
  if (!ready) return;

  await check('queued, not published: the register does not show it', async () => {
    await goto('/cumbria/decisions');
    expect(!(await bodyText()).includes('011/2018'), 'the queued record is already on the register');
  });
  await checkPage(page, state, opts);

  await check('the chief executive signs in and follows the link to the queue', async () => {
    await goto('/staff');
    await page.locator('#username').fill('cu_ce');
    await page.locator('#password').fill(PASSWORD);
    await submit('Sign in', /\/staff(\?.*)?$/);
    expect(pathname() === '/staff', `after signing in: ${page.url()}`);
    await follow('Imported records to review', /\/staff\/imports$/);
    expect((await h1Text(page)) === 'Imported records to review', 'not on the queue');
    const row = page.locator('#imports tbody tr').filter({ hasText: 'cumbria_unmarked_outcome.txt' });
    expect((await row.count()) === 1, 'the queued file is not listed');
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[2].trim() === '011/2018' && cells[3].trim() === '1', `row: ${cells.join(' | ')}`);
  });
  await checkPage(page, state, opts);

  let item = null;
  await check('the record shows the unknown outcome tagged, beside the numbered source text', async () => {
    await follow('cumbria_unmarked_outcome.txt', /\/staff\/imports\/\d+$/);
    item = pathname();
    const outcome = page.locator('#field-outcome');
    const text = await outcome.innerText();
    expect(text.includes('Unknown'), `the outcome row has no "Unknown" tag: ${text}`);
    expect(text.includes('neither option struck'), `the reader's reason is not shown: ${text}`);
    expect((await outcome.getAttribute('class')).includes('assent-review-flagged'), 'the outcome row is not highlighted');
    const title = await page.locator('#field-title').innerText();
    expect(!title.includes('Unknown') && !title.includes('Low confidence'), `the title is flagged: ${title}`);
    // The title's source link leads to its line.
    await page.locator('#field-title a').click();
    expect(page.url().endsWith('#line-5'), `the title's source link went to ${page.url()}`);
    expect((await page.locator('#line-5').innerText()).includes('TITLE: Custody suite CCTV replacement'), 'line 5 is not the title line');
  });
  if (!item) return;
  await checkPage(page, state, opts);

  await check('an empty title is refused beside the field and nothing is published', async () => {
    await page.locator('#title').fill('');
    await page.locator('#outcome').check();
    await page.locator('#report_date').fill('31/13/2018');
    await submit('Confirm and publish', new RegExp(`${item}/confirm$`));
    const text = await bodyText();
    expect(text.includes('There is a problem'), 'no error summary');
    expect(await page.locator('#title-error').count() === 1, 'no message beside the title');
    expect(await page.locator('#report_date-error').count() === 1, 'no message beside the report date');
    expect((await page.locator('#report_date').inputValue()) === '31/13/2018', 'the typed report date was not kept');
  });
  await checkPage(page, state, opts, { expectStatus: 400 });

  await check('the reviewer corrects the title, the outcome and the press-release answer and confirms', async () => {
    await page.locator('#title').fill('Custody suite CCTV replacement 2018');
    await page.locator('#outcome').check();
    await page.locator('#report_date').fill('');
    await page.locator('#press_release_required').selectOption('yes');
    await submit('Confirm and publish', new RegExp(`${item}\\?done=confirmed$`));
    const text = await bodyText();
    expect(text.includes('confirmed and published'), `no confirmation notice:\n${text}`);
    expect((await page.locator('#review-state').innerText()).includes('Confirmed'), 'state is not Confirmed');
  });
  await checkPage(page, state, opts);

  await check('the decision is on the public register with the corrected values', async () => {
    await goto('/cumbria/decisions/011-2018');
    expect((await h1Text(page)).includes('Custody suite CCTV replacement 2018'), `h1: ${await h1Text(page)}`);
    const text = await bodyText();
    expect(text.includes('Approved'), 'the corrected outcome is not shown');
    expect(/Press release required\s*Yes/.test(text), `the corrected press-release answer is not shown:\n${text}`);
  });
  await checkPage(page, state, opts);

  await check('re-importing the same file is a no-op', async () => {
    const out = await runAssent(state, ['import', DOCUMENT]);
    expect(out.includes('0 queued for review, 0 confirmed, 0 failed, 1 duplicates skipped'), `import said:\n${out}`);
  });
}

runBrowserTest('import_review.test', runFlow);
