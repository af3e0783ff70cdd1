#!/usr/bin/env node
// Browser + accessibility test of the strategy register's staff side.
//
//   node tests/browser/strategy_staff.test.mjs --assent build/assent [--screenshot-dir DIR] [--keep-data]
//
// Starts `<assent> serve --demo` (tests/browser/harness.mjs), adds a Cumbria strategy lead with
// `assent user add ... --password-stdin`, then in real chromium: the strategy lead opens the
// ICT strategy 2015-2019, tries a progress entry with no text (refused, error beside the field,
// nothing stored), records progress on the WAN replacement, changes the status of the Estates
// Strategy support to Delivered; the public strategy page and the delivery report show both.
// A Lancashire commissioner (no strategy role) is refused with a sentence. Every staff page
// visited is checked with axe-core (zero violations).


import { addStaffUser, check, checkPage, clickAndWait, expect, h1Text, runBrowserTest, staffActions, visit } from './harness.mjs';

const PASSWORD = 'correct horse battery staple';
const STRATEGY = '/staff/strategies/cumbria/ict-2015-2019';
const WAN = `${STRATEGY}/deliverables/wan-replacement`;
const ESTATES = `${STRATEGY}/deliverables/estates-strategy`;
const PROGRESS = 'New WAN live at all 23 sites, on time and on budget';

async function runFlow(page, state, opts) {
  const { goto, path, bodyText, submit, signIn } = staffActions(page, state, PASSWORD);

  const ok = await check('staff accounts added with `assent user add --password-stdin`', async () => {
    await addStaffUser(state, ['cu_lead', 'Sam Strategy', 'cumbria:strategy_lead'], PASSWORD);
    await addStaffUser(state, ['la_pcc', 'Lancashire Commissioner', 'lancashire:commissioner'], PASSWORD);
  });
  if (!ok) return;

  await check('the strategy lead signs in and sees the strategies they can update', async () => {
    await signIn('cu_lead');
    await goto('/staff/strategies');
    expect((await h1Text(page)) === 'Strategies', 'no Strategies heading');
    const table = await page.locator('#strategies').innerText();
    expect(table.includes('Cumbria Constabulary ICT Strategy 2015–2019'), `ICT strategy not listed:\n${table}`);
    expect(!table.includes('Lancashire'), `another body's strategy is listed:\n${table}`);
  });
  await checkPage(page, state, opts);

  await check('the strategy page lists the deliverables with status and last progress', async () => {
    await goto(STRATEGY);
    const rows = await page.locator('#deliverables').innerText();
    expect(/Replacement WAN infrastructure\s+Capital infrastructure\s+In progress/.test(rows), `WAN row:\n${rows}`);
  });
  await checkPage(page, state, opts);

  await check('a progress entry without text is refused beside the field, nothing stored', async () => {
    await goto(WAN);
    await page.locator('#when').fill('2026-03');
    await page.locator('#text').fill('   ');
    await submit('Record progress', new RegExp(`${WAN}/progress$`));
    expect(state.lastNavigation && state.lastNavigation.status === 400, `status ${state.lastNavigation && state.lastNavigation.status}`);
    const err = await page.locator('#text-error').innerText();
    expect(err.includes('Enter what happened'), `no inline error: ${err}`);
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary.includes('Enter what happened'), `no error summary: ${summary}`);
    expect((await page.locator('#when').inputValue()) === '2026-03', 'the date typed was lost');
  });
  await checkPage(page, state, opts, { expectStatus: 400 });

  await check('an unreadable date is refused beside the field', async () => {
    await goto(WAN);
    await page.locator('#when').fill('March 2026');
    await page.locator('#text').fill(PROGRESS);
    await submit('Record progress', new RegExp(`${WAN}/progress$`));
    const err = await page.locator('#when-error').innerText();
    expect(err.includes('Enter a date such as 2026-03-14'), `no inline date error: ${err}`);
    expect((await page.locator('#text').inputValue()) === PROGRESS, 'the text typed was lost');
  });

  await check('the strategy lead records progress on the WAN replacement', async () => {
    await goto(WAN);
    await page.locator('#when').fill('2026-03');
    await page.locator('#text').fill(PROGRESS);
    await submit('Record progress', new RegExp(`${STRATEGY}\\?done=progress$`));
    expect((await bodyText()).includes('Progress recorded'), 'no success notice');
    const rows = await page.locator('#deliverables').innerText();
    expect(rows.includes(PROGRESS), `last progress not shown:\n${rows}`);
  });
  await checkPage(page, state, opts);

  await check('the strategy lead changes the status of the Estates Strategy support', async () => {
    await goto(ESTATES);
    await page.locator('#status-new').selectOption('delivered');
    await page.locator('#status-when').fill('2026-04');
    await submit('Change the status', new RegExp(`${STRATEGY}\\?done=status$`));
    const rows = await page.locator('#deliverables').innerText();
    expect(/Support for the Estates Strategy\s+Business as usual\s+Delivered/.test(rows), `status not changed:\n${rows}`);
  });
  await checkPage(page, state, opts);

  await check('the deliverable page shows the timeline with the new entry', async () => {
    await goto(WAN);
    const timeline = await page.locator('#timeline').innerText();
    expect(timeline.startsWith('March 2026: ' + PROGRESS), `timeline:\n${timeline}`);
  });
  await checkPage(page, state, opts);

  await check('the public strategy page shows the progress and the new status', async () => {
    await goto('/cumbria/strategies/ict-2015-2019');
    const text = await bodyText();
    expect(text.includes(PROGRESS), 'the recorded progress is not on the public page');
    expect(text.includes('recorded by staff'), 'the entry is not marked as recorded by staff');
    const row = page.locator('tr', { hasText: 'Support for the Estates Strategy' });
    expect((await row.innerText()).includes('Delivered'), `estates row: ${await row.innerText()}`);
  });

  await check('the delivery report and its JSON follow', async () => {
    await goto('/cumbria/strategies/ict-2015-2019/report');
    expect((await bodyText()).includes('Delivered'), 'report lacks Delivered');
    const res = await page.request.get(state.base + '/cumbria/strategies/ict-2015-2019.json');
    const json = await res.json();
    const all = json.themes.flatMap((t) => t.deliverables);
    const wan = all.find((d) => d.id === 'wan-replacement');
    const estates = all.find((d) => d.id === 'estates-strategy');
    expect(wan.progress.some((e) => e.text === PROGRESS && e.recorded === 'staff'), 'JSON lacks the entry');
    expect(estates.status === 'delivered', `JSON status ${estates.status}`);
  });

  await check('someone without a strategy role is refused with a sentence', async () => {
    await goto('/staff');
    await submit('Sign out', /\/staff\/sign-in\?signed_out=1$/);
    await signIn('la_pcc');
    await goto('/staff/strategies');
    expect((await bodyText()).includes('needs the role Strategy Lead or Chief Executive'), 'no explanation on the list');
    const res = await goto(STRATEGY);
    expect(res.status() === 403, `status ${res.status()}`);
    expect((await bodyText()).includes('needs the role strategy_lead or chief_executive there'), await bodyText());
  });
  await checkPage(page, state, opts, { expectStatus: 403 });
}

await runBrowserTest('strategy_staff.test', runFlow);
