#!/usr/bin/env node
// Browser + accessibility test of the staff workflow.
//
//   node tests/browser/workflow.test.mjs --assent build/assent [--screenshot-dir DIR] [--keep-data]
//
// Starts `<assent> serve --demo` (tests/browser/harness.mjs), adds staff accounts with
// `assent user add ... --password-stdin` on the same data directory, then as those people:
//  - Cumbria: the originating officer drafts a decision (executive summary, recommendation, a
//    Part 2 section) and submits it (a reference like 001/2026 is given); the commissioner trying
//    to decide before the chief executive has signed is refused with a message; the chief executive
//    signs with a capacity and advice; the commissioner approves with reasons and no interests;
//    the decision shows Decided / Approved and its history lists each step; the chief executive
//    sets the publication plan and publishes it; it appears on the public register without Part 2.
//  - Lancashire's joint form: the commissioner decides, the decision still waits for the chief
//    constable; the chief constable decides; the decision is decided.
// Every staff page visited is checked with axe-core (zero violations), for browser errors and for
// inline script. The session cookie must come back HttpOnly, SameSite=Strict and Secure (Chromium
// keeps Secure cookies on http://127.0.0.1).


import { addStaffUser, check, checkPage, clickAndWait, expect, h1Text, runBrowserTest, visit } from './harness.mjs';

const PASSWORD = 'correct horse battery staple';

const ACCOUNTS = [
  ['cu_oo', 'Olive Originator', 'cumbria:originating_officer'],
  ['cu_ce', 'Chris Executive', 'cumbria:chief_executive'],
  ['cu_pcc', 'Peter Commissioner', 'cumbria:commissioner'],
  ['la_oo', 'Laura Originator', 'lancashire:originating_officer'],
  ['la_mo', 'Mo Monitoring', 'lancashire:monitoring_officer'],
  ['la_pcc', 'Lancashire Commissioner', 'lancashire:commissioner'],
  ['la_cc', 'Carl Constable', 'lancashire:chief_constable'],
];

async function runFlow(page, state, opts) {
  const base = state.base;
  const goto = (p) => visit(page, state, () => page.goto(base + p, { waitUntil: 'load' }));
  const path = () => new URL(page.url()).pathname;
  const bodyText = () => page.locator('main').innerText();
  const status = async () => (await page.locator('#status').innerText()).trim();
  const submit = (name, pattern) => visit(page, state, () => clickAndWait(page, page.getByRole('button', { name, exact: true }), pattern));
  // Links, including GOV.UK's links styled as buttons (role="button").
  const follow = (name, pattern) => visit(page, state, () => clickAndWait(page, page.locator('a').filter({ hasText: name }).first(), pattern));

  const ok = await check('staff accounts added with `assent user add --password-stdin`', async () => {
    for (const a of ACCOUNTS) await addStaffUser(state, a, PASSWORD);
  });
  if (!ok) return;

  async function signIn(username) {
    await goto('/staff');
    expect(path() === '/staff/sign-in', `signed out, /staff should lead to the sign-in page, not ${page.url()}`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(PASSWORD);
    await submit('Sign in', /\/staff(\?.*)?$/);
    expect(path() === '/staff', `after signing in as ${username}: ${page.url()}`);
    const bar = await page.locator('.assent-staff-bar').innerText();
    expect(bar.includes('Signed in as'), `no "Signed in as" in the staff header: ${bar}`);
  }

  async function signOut() {
    await submit('Sign out', /\/staff\/sign-in\?signed_out=1$/);
    expect((await bodyText()).includes('You have signed out'), 'no "You have signed out" notice');
  }

  // ------------------------------------------------------------ Cumbria

  await check('signed out, /staff asks to sign in', async () => {
    await goto('/staff');
    expect(page.url().endsWith('/staff/sign-in?next=%2Fstaff'), `landed on ${page.url()}`);
    expect((await h1Text(page)) === 'Sign in', 'h1 is not "Sign in"');
  });
  await checkPage(page, state, opts);

  await check('a wrong password is refused with a message', async () => {
    await page.locator('#username').fill('cu_oo');
    await page.locator('#password').fill('not the password');
    await submit('Sign in', /\/staff\/sign-in/);
    const text = await bodyText();
    expect(text.includes('There is a problem') && text.includes('Username or password is wrong'), `no refusal shown:\n${text}`);
  });

  await check('the originating officer signs in; the session cookie is HttpOnly, SameSite=Strict, Secure', async () => {
    await signIn('cu_oo');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === '__Host-assent_session');
    expect(session, `no __Host-assent_session cookie (have: ${cookies.map((c) => c.name).join(', ')})`);
    expect(session.httpOnly, 'session cookie is not HttpOnly');
    expect(session.secure, 'session cookie is not Secure');
    expect(session.sameSite === 'Strict', `session cookie SameSite is ${session.sameSite}`);
    expect(session.path === '/', `session cookie path is ${session.path}`);
    expect(!cookies.some((c) => c.name === '__Host-assent_presession'), 'the pre-session cookie was not cleared');
  });
  await checkPage(page, state, opts);

  let cumbria = null;  // /staff/decisions/N
  await check('the originating officer starts a Cumbria decision', async () => {
    await follow(/Start a new decision for Cumbria/, /\/staff\/cumbria\/decisions\/new$/);
    await checkPage(page, state, opts);
    await page.locator('#title').fill('Replacement of the custody suite CCTV');
    await submit('Start the draft', /\/staff\/decisions\/\d+\/edit/);
    cumbria = path().replace(/\/edit$/, '');
    expect((await h1Text(page)) === 'Edit the draft', 'not on the editor');
  });
  if (!cumbria) return;
  await checkPage(page, state, opts);

  await check('the draft is filled in, Part 2 included, and saved', async () => {
    await page.locator('#category').selectOption('ict');
    await page.locator('#amount').fill('120,000');
    await page.locator('#section-executive_summary').fill('The custody suite cameras are at the end of their life.');
    await page.locator('#section-recommendation').fill('Approve the replacement of the custody suite CCTV.');
    await page.locator('#section-part2').fill('Tender prices from the three bidders are confidential.');
    await page.locator('#consultees').fill('Chief Finance Officer\nHead of Estates');
    await page.locator('#publication-deferred-no').check();
    await page.locator('#publication-part2_exists').check();
    await page.locator('#publication-part2_reason').fill('Commercially sensitive tender information.');
    await submit('Save the draft', new RegExp(`${cumbria}\\?done=saved$`));
    const text = await bodyText();
    expect(text.includes('Draft saved'), 'no "Draft saved" notice');
    expect(text.includes('Part 2 – confidential'), 'Part 2 is not marked');
    expect(text.includes('Tender prices from the three bidders'), 'Part 2 text not shown to staff');
  });
  await checkPage(page, state, opts);

  let reference = null;
  await check('the originating officer submits it and a reference is given', async () => {
    await follow('Submit for approval', new RegExp(`${cumbria}/sign$`));
    await checkPage(page, state, opts);
    const signing = await bodyText();
    expect(signing.includes('Tender prices from the three bidders'), 'the sign page does not show Part 2');
    await page.locator('#declaration').check();
    await submit('Sign and submit', new RegExp(`${cumbria}\\?done=submitted$`));
    reference = (await page.locator('#reference').innerText()).trim();
    expect(/^\d{3}\/\d{4}$/.test(reference), `reference "${reference}" is not like 001/2026`);
    expect((await status()) === 'Awaiting sign-off', `status is "${await status()}", not Awaiting sign-off`);
  });
  await checkPage(page, state, opts);
  await check('the originating officer signs out', signOut);
  await checkPage(page, state, opts);

  await check('the commissioner cannot decide before the chief executive has signed', async () => {
    await signIn('cu_pcc');
    const res = await goto(`${cumbria}/decide`);
    expect(res.status() === 409, `status ${res.status()}, expected 409`);
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(/OPCC Officer Approval|sign/i.test(summary), `the refusal does not say why: ${summary}`);
    expect((await page.locator('#decide-form').count()) === 0, 'the decide form is offered anyway');
  });
  await checkPage(page, state, opts, { expectStatus: 409 });
  await check('the commissioner signs out', signOut);

  await check('the chief executive signs as Chief Executive with advice', async () => {
    await signIn('cu_ce');
    const row = page.locator('#waiting tr', { hasText: 'Replacement of the custody suite CCTV' });
    expect((await row.count()) === 1, 'the decision is not in "Waiting for you"');
    await visit(page, state, () => clickAndWait(page, row.getByRole('link'), new RegExp(`${cumbria}$`)));
    await checkPage(page, state, opts);
    await follow('Sign: OPCC Officer Approval', new RegExp(`${cumbria}/sign$`));
    await checkPage(page, state, opts);
    const capacities = await page.locator('input[name="capacity"][type="radio"]').evaluateAll((els) => els.map((e) => e.value));
    expect(capacities.includes('Chief Executive') && capacities.includes('Deputy Chief Executive'),
      `the "delete as appropriate" capacities are not offered: ${capacities.join(', ')}`);
    await page.getByLabel('Chief Executive', { exact: true }).check();
    await page.locator('#advice').fill('Financial and legal advice has been taken; I support the recommendation.');
    await page.locator('#declaration').check();
    await submit('Sign', new RegExp(`${cumbria}\\?done=signed$`));
    const text = await bodyText();
    expect(text.includes('Your signature has been recorded'), 'no confirmation');
    expect(text.includes('as Chief Executive'), 'the capacity is not shown with the signature');
    expect(text.includes('I support the recommendation'), 'the advice is not shown');
  });
  await checkPage(page, state, opts);
  await check('the chief executive signs out', signOut);

  await check('the commissioner approves with reasons and no interests', async () => {
    await signIn('cu_pcc');
    await goto(cumbria);
    await follow(/^Decide: /, new RegExp(`${cumbria}/decide$`));
    await checkPage(page, state, opts);
    await page.locator('#outcome').check();
    await page.locator('#reasons').fill('The replacement is needed and represents value for money.');
    await page.locator('#no_interests').check();
    await page.locator('#declaration').check();
    await submit('Record my decision', new RegExp(`${cumbria}\\?done=decided$`));
    expect((await status()).startsWith('Decided'), `status is "${await status()}", not Decided`);
    expect((await page.locator('#outcome').innerText()).trim() === 'Approved', 'outcome is not Approved');
    const history = await page.locator('#history').innerText();
    for (const step of ['Draft started', 'Edited', 'Submitted', 'Signed', 'Decided', 'Part 2 viewed']) {
      expect(history.includes(step), `history has no "${step}":\n${history}`);
    }
    expect(history.indexOf('Draft started') < history.indexOf('Decided'), 'history is not oldest first');
  });
  await checkPage(page, state, opts);

  await check('what was signed is shown readably', async () => {
    await follow('What was signed', /\/signed\/[0-9a-f]{64}$/);
    expect((await h1Text(page)) === 'What was signed', 'not the signed-content page');
    expect((await bodyText()).includes('The custody suite cameras are at the end of their life.'), 'content not shown');
  });
  await checkPage(page, state, opts);

  await check('the decided decision is not on the public register yet, nor its Part 2', async () => {
    for (const p of ['/cumbria/decisions', `/cumbria/decisions/${reference.replace('/', '-')}`]) {
      const res = await fetch(base + p);
      const text = await res.text();
      expect(!text.includes('Tender prices from the three bidders'), `Part 2 on ${p}`);
      expect(!text.includes('Replacement of the custody suite CCTV'), `the undecided title on ${p}`);
    }
  });
  await check('the commissioner signs out', signOut);

  await check('the chief executive sets the plan and publishes it from the staff page', async () => {
    await signIn('cu_ce');
    await goto(cumbria);
    await follow('Publication: due date, plan, redactions, publish', new RegExp(`${cumbria}/publication$`));
    expect((await page.locator('#due-date').innerText()).includes('20'), 'no due date shown');
    await checkPage(page, state, opts);
    await page.locator('#plan-publish').check();
    await submit('Save the plan', new RegExp(`${cumbria}/publication\\?done=plan$`));
    expect((await page.locator('#plan-summary').innerText()).startsWith('Publish Part 1'), 'plan not saved');
    await checkPage(page, state, opts);
    await submit('Publish on the register', new RegExp(`${cumbria}/publication\\?done=published$`));
    expect((await status()).startsWith('Published'), `status is "${await status()}", not Published`);
    expect((await page.locator('#versions').innerText()).includes('published'), 'no version 1 listed');
  });
  await checkPage(page, state, opts);

  await check('the published decision is on the public register, without its Part 2', async () => {
    const slug = reference.replace('/', '-');
    await goto('/cumbria/decisions');
    expect((await bodyText()).includes('Replacement of the custody suite CCTV'), 'not on the register');
    await checkPage(page, state, opts);
    await goto(`/cumbria/decisions/${slug}`);
    const text = await bodyText();
    expect(text.includes('Published on'), 'no "Published on" line');
    expect(!text.includes('Tender prices from the three bidders'), 'Part 2 on the public page');
    await checkPage(page, state, opts);
  });
  await check('the chief executive signs out', async () => {
    await goto('/staff');  // public pages have no staff header
    await signOut();
  });

  // ------------------------------------------------------------ Lancashire (joint)

  let lancashire = null;
  await check('Lancashire: the originating officer drafts a joint decision and submits it', async () => {
    await signIn('la_oo');
    await follow(/Start a new decision for Lancashire/, /\/staff\/lancashire\/decisions\/new$/);
    await page.locator('#title').fill('Joint review of the shared estate');
    await submit('Start the draft', /\/staff\/decisions\/\d+\/edit/);
    lancashire = path().replace(/\/edit$/, '');
    await page.locator('#section-executive_summary').fill('The force and the office share six buildings.');
    await page.locator('#section-recommendation').fill('Agree a joint review of the shared estate.');
    await submit('Save the draft', new RegExp(`${lancashire}\\?done=saved$`));
    await checkPage(page, state, opts);
    // On this form the author submits without signing; the chain starts at the monitoring officer.
    await follow('Submit for approval', new RegExp(`${lancashire}/sign$`));
    await checkPage(page, state, opts);
    expect((await bodyText()).includes('you do not sign it'), 'the page does not say submitting signs nothing');
    await submit('Submit for approval', new RegExp(`${lancashire}\\?done=submitted$`));
    expect((await status()) === 'Awaiting sign-off', `status is "${await status()}", not Awaiting sign-off`);
    expect(/^\d{4}\/\d{2}$/.test((await page.locator('#reference').innerText()).trim()), 'no YYYY/NN reference');
  });
  if (!lancashire) return;
  await checkPage(page, state, opts);
  await check('Lancashire: the originating officer signs out', signOut);

  await check('Lancashire: the monitoring officer signs', async () => {
    await signIn('la_mo');
    const row = page.locator('#waiting tr', { hasText: 'Joint review of the shared estate' });
    expect((await row.count()) === 1, 'the decision is not waiting for the monitoring officer');
    await goto(lancashire);
    await follow(/^Sign: /, new RegExp(`${lancashire}/sign$`));
    await page.locator('#declaration').check();
    await submit('Sign', new RegExp(`${lancashire}\\?done=signed$`));
  });
  await checkPage(page, state, opts);
  await check('Lancashire: the monitoring officer signs out', signOut);

  const decide = async (username) => {
    await signIn(username);
    const row = page.locator('#waiting tr', { hasText: 'Joint review of the shared estate' });
    expect((await row.count()) === 1, `the decision is not waiting for ${username}`);
    await goto(lancashire);
    await follow(/^Decide: /, new RegExp(`${lancashire}/decide`));
    await page.locator('#outcome').check();
    await page.locator('#reasons').fill('Agreed at the Joint Management Board.');
    await page.locator('#no_interests').check();
    await page.locator('#declaration').check();
    await submit('Record my decision', new RegExp(`${lancashire}\\?done=decided$`));
  };

  await check('Lancashire: the commissioner decides; it still waits for the chief constable', async () => {
    await decide('la_pcc');
    expect((await status()) === 'Awaiting sign-off', `status moved on with one decision maker: ${await status()}`);
    const chain = await page.locator('#chain').innerText();
    expect(/Chief Constable[\s\S]*Waiting/.test(chain), `the chief constable's block is not waiting:\n${chain}`);
  });
  await checkPage(page, state, opts);
  await check('Lancashire: the commissioner signs out', signOut);

  await check('Lancashire: the chief constable decides; the decision is made', async () => {
    await decide('la_cc');
    expect((await status()).startsWith('Decided'), `status is "${await status()}", not Decided`);
    expect((await page.locator('#outcome').innerText()).trim() === 'Approved', 'outcome is not Approved');
  });
  await checkPage(page, state, opts);

  await check('after signing out, the old session is gone', async () => {
    await signOut();
    const res = await goto(lancashire);
    expect(path() === '/staff/sign-in', `a signed-out browser reached ${page.url()} (status ${res && res.status()})`);
  });
}

await runBrowserTest('workflow.test', runFlow);
