// Shared harness for the browser tests (tests/browser/*.test.mjs): starts
// `<assent> serve --demo` on a free loopback port, drives Debian's Chromium with playwright-core,
// and on every page visited runs axe-core (WCAG 2.0/2.1 A+AA, 2.2 AA), checks that the browser
// logged no errors (CSP violations land there), that no subresource failed, and that the page has
// no inline <script> or on* handler attributes. A test file calls runBrowserTest(name, flow).

import { execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

const OVERALL_TIMEOUT_MS = 240_000;
const HEALTH_TIMEOUT_MS = 30_000;
const STEP_TIMEOUT_MS = 15_000;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let testName = 'browser.test';

// ---------------------------------------------------------------- arguments

export function parseArgs(argv) {
  const opts = { assent: null, screenshotDir: null, keepData: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--assent') opts.assent = value();
    else if (a.startsWith('--assent=')) opts.assent = a.slice('--assent='.length);
    else if (a === '--screenshot-dir') opts.screenshotDir = value();
    else if (a === '--keep-data') opts.keepData = true;
    else if (a === '-h' || a === '--help') usage(null);
    else usage(`unknown argument: ${a}`);
  }
  if (!opts.assent) usage('--assent is required');
  return opts;
}

function usage(err) {
  if (err) console.error(`${testName}: ${err}`);
  console.error(`usage: node tests/browser/${testName}.mjs --assent /path/to/assent [--screenshot-dir DIR] [--keep-data]`);
  process.exit(err ? 2 : 0);
}

// ---------------------------------------------------------------- results

const results = { passed: 0, failed: 0 };

function pass(name) {
  results.passed++;
  console.log(`ok - ${name}`);
}

function fail(name, detail) {
  results.failed++;
  console.log(`FAIL - ${name}`);
  if (detail) for (const line of String(detail).split('\n')) console.log(`    ${line}`);
}

// Runs one named check; an exception (including a failed expectation) fails that check only.
export async function check(name, fn) {
  try {
    await fn();
    pass(name);
    return true;
  } catch (e) {
    fail(name, e && e.stack && !(e instanceof Expectation) ? e.stack : e && e.message ? e.message : e);
    return false;
  }
}

export class Expectation extends Error {}

export function expect(cond, message) {
  if (!cond) throw new Expectation(message);
}

// ---------------------------------------------------------------- server

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startServer(bin, dataDir, port) {
  const args = ['serve', '--demo', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { child, log: [], exited: null, cmd: [bin, ...args].join(' ') };
  const keep = (stream, tag) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line) server.log.push(`[${tag}] ${line}`);
      if (server.log.length > 2000) server.log.splice(0, server.log.length - 2000);
    });
  keep(child.stdout, 'stdout');
  keep(child.stderr, 'stderr');
  server.exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      server.exited = { code, signal };
      resolve(server.exited);
    });
    child.on('error', (err) => {
      server.exited = { code: null, signal: null, error: err };
      server.log.push(`[spawn] ${err.message}`);
      resolve(server.exited);
    });
  });
  return server;
}

async function waitHealthy(server, base) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (server.exited) throw new Expectation(`server exited before /healthz answered (${JSON.stringify(server.exited)})`);
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (e) {
      last = e.cause?.code || e.message;
    }
    await sleep(100);
  }
  throw new Expectation(`GET /healthz did not return 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last})`);
}

async function stopServer(server) {
  if (!server || server.exited) return;
  server.child.kill('SIGTERM');
  const res = await Promise.race([server.exitPromise, sleep(5000).then(() => null)]);
  if (!res) {
    console.log('note: server ignored SIGTERM for 5 s; sending SIGKILL');
    server.child.kill('SIGKILL');
    await Promise.race([server.exitPromise, sleep(2000)]);
  }
}

// ---------------------------------------------------------------- per-page checks

// Listens to one page for the whole run and files browser errors under the path being visited.
function watchPage(page, state) {
  const note = (kind, text, url) => {
    const bucket = state.current;
    if (bucket) bucket.problems.push({ kind, text, url });
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') note('console', msg.text(), msg.location()?.url);
  });
  page.on('pageerror', (err) => note('pageerror', err.message));
  page.on('requestfailed', (req) => {
    if (req.url().startsWith(state.base)) note('requestfailed', `${req.failure()?.errorText} ${req.url()}`);
  });
  page.on('response', (res) => {
    const req = res.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      state.lastNavigation = { url: res.url(), status: res.status(), headers: res.headers() };
      return;
    }
    if (res.status() >= 400) note('subresource', `${res.status()} ${res.url()}`);
  });
}

function pathOf(url) {
  const u = new URL(url);
  return u.pathname + u.search;
}

// Checks the page now shown: axe, browser errors, inline scripts. Runs once per distinct path.
export async function checkPage(page, state, opts, { expectStatus = 200 } = {}) {
  const p = pathOf(page.url());
  if (state.checked.has(p)) return;
  state.checked.add(p);
  const bucket = state.current;

  await page.waitForLoadState('load');

  if (opts.screenshotDir) {
    const file = path.join(opts.screenshotDir, (p.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'home') + '.png');
    await page.screenshot({ path: file, fullPage: true }).catch((e) => console.log(`note: screenshot failed: ${e.message}`));
  }

  await check(`${p}: status ${expectStatus}`, async () => {
    const nav = state.lastNavigation;
    expect(nav && pathOf(nav.url) === p, `no navigation response recorded for ${p} (last: ${nav && nav.url})`);
    expect(nav.status === expectStatus, `expected HTTP ${expectStatus}, got ${nav.status}`);
    const type = nav.headers['content-type'] || '';
    expect(/^text\/html\b/i.test(type), `content-type is "${type}", expected text/html`);
  });

  await check(`${p}: axe-core (${AXE_TAGS.join(', ')})`, async () => {
    // page.evaluate goes through the DevTools protocol, which the page's CSP does not govern,
    // so the page keeps its real CSP (and its violations still show as console errors).
    const hasAxe = await page.evaluate('typeof window.axe !== "undefined"');
    if (!hasAxe) await page.evaluate(state.axeSource);
    const res = await page.evaluate(
      (tags) =>
        window.axe
          .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
          .then((r) => ({
            violations: r.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              helpUrl: v.helpUrl,
              count: v.nodes.length,
              nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target.join(' '), html: n.html })),
            })),
            passes: r.passes.length,
          })),
      AXE_TAGS,
    );
    if (res.violations.length) {
      const lines = [];
      for (const v of res.violations) {
        lines.push(`${v.id} [${v.impact}] ${v.help} (${v.count} node${v.count === 1 ? '' : 's'}) ${v.helpUrl}`);
        for (const n of v.nodes) {
          lines.push(`  target: ${n.target}`);
          lines.push(`  html:   ${n.html.replace(/\s+/g, ' ').slice(0, 300)}`);
        }
      }
      throw new Expectation(`${res.violations.length} axe violation(s):\n${lines.join('\n')}`);
    }
  });

  await check(`${p}: no inline scripts or on* handlers`, async () => {
    const found = await page.evaluate(() => {
      const out = [];
      for (const s of document.querySelectorAll('script:not([src])')) out.push(`<script> ${s.outerHTML.slice(0, 160)}`);
      for (const el of document.querySelectorAll('*'))
        for (const a of el.attributes)
          if (/^on/i.test(a.name)) out.push(`<${el.localName} ${a.name}="${a.value.slice(0, 80)}">`);
      for (const el of document.querySelectorAll('[href^="javascript:" i]')) out.push(`javascript: URL ${el.outerHTML.slice(0, 160)}`);
      return out;
    });
    expect(found.length === 0, `inline script found:\n${found.join('\n')}`);
  });

  await check(`${p}: no browser errors`, async () => {
    // Give late console messages (CSP reports, module errors) a moment to arrive.
    await sleep(150);
    const docUrl = page.url();
    const problems = bucket.problems.filter(
      (pr) =>
        // Chromium logs every non-2xx document; an expected error status is not a problem.
        !(expectStatus >= 400 && pr.kind === 'console' && /Failed to load resource/.test(pr.text) && pr.url === docUrl),
    );
    expect(
      problems.length === 0,
      problems.map((pr) => `${pr.kind}: ${pr.text}${pr.url ? ` (${pr.url})` : ''}`).join('\n'),
    );
  });
}

// Navigates (via goto or a click) and files browser events under this visit.
export async function visit(page, state, action) {
  state.current = { problems: [] };
  state.lastNavigation = null;
  return action();
}

export async function clickAndWait(page, locator, urlPattern) {
  await Promise.all([page.waitForURL(urlPattern, { waitUntil: 'load' }), locator.click()]);
}

// The actions a staff flow repeats: open a path, the current path, the main text, press a
// button and wait for the URL, and sign in with the form (landing on /staff).
export function staffActions(page, state, password) {
  const goto = (p) => visit(page, state, () => page.goto(state.base + p, { waitUntil: 'load' }));
  const path = () => new URL(page.url()).pathname;
  const bodyText = () => page.locator('main').innerText();
  const submit = (name, pattern) =>
    visit(page, state, () => clickAndWait(page, page.getByRole('button', { name, exact: true }), pattern));
  async function signIn(username) {
    await goto('/staff/sign-in');
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await submit('Sign in', /\/staff(\?.*)?$/);
    expect(path() === '/staff', `after signing in as ${username}: ${page.url()}`);
  }
  return { goto, path, bodyText, submit, signIn };
}

export const h1Text = async (page) => {
  const h1 = page.locator('h1');
  const n = await h1.count();
  expect(n === 1, `expected exactly one <h1>, found ${n}`);
  return (await h1.innerText()).trim();
};

// ---------------------------------------------------------------- main


// Runs the whole test and exits: 0 only when every check passed.
export async function runBrowserTest(name, runFlow) {
  testName = name;
  await run(runFlow);
  finish();
}

async function run(runFlow) {
  const opts = parseArgs(process.argv.slice(2));
  const bin = path.resolve(opts.assent);
  try {
    await fs.access(bin, fs.constants.X_OK);
  } catch {
    usage(`not an executable: ${bin}`);
  }

  let chromium, axeSource;
  try {
    ({ chromium } = await import('playwright-core'));
    axeSource = await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch (e) {
    console.error(`${testName}: ${e.message}\n${testName}: run scripts/install-npm.sh browser first`);
    process.exit(2);
  }
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (opts.screenshotDir) await fs.mkdir(opts.screenshotDir, { recursive: true });

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'assent-browser-'));
  const dataDir = path.join(tmp, 'data');
  await fs.mkdir(dataDir);
  let server = null;
  let browser = null;
  let crashed = null;

  const watchdog = setTimeout(() => {
    console.log(`FAIL - whole run exceeded ${OVERALL_TIMEOUT_MS / 1000} s`);
    if (server && !server.exited) server.child.kill('SIGKILL');
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  watchdog.unref();
  const onSignal = (sig) => {
    if (server && !server.exited) server.child.kill('SIGKILL');
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServer(bin, dataDir, port);
    const up = await check(`server answers GET /healthz (${server.cmd})`, () => waitHealthy(server, base));
    if (!up) return;

    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
    // bin and dataDir let a flow run other `assent` commands (user add) on the same store.
    const state = { base, axeSource, checked: new Set(), current: null, lastNavigation: null, bin, dataDir };
    watchPage(page, state);

    await runFlow(page, state, opts);

    await check('server still running after the flow', async () => {
      expect(!server.exited, `server exited: ${JSON.stringify(server.exited)}`);
    });
  } catch (e) {
    crashed = e;
    fail('test harness', e && e.stack ? e.stack : String(e));
  } finally {
    if (browser) await browser.close().catch((e) => console.log(`note: browser close: ${e.message}`));
    await stopServer(server);
    if (server && (results.failed > 0 || crashed)) {
      console.log(`--- server output (${server.cmd}) ---`);
      for (const line of server.log.slice(-200)) console.log(line);
      if (server.exited) console.log(`--- server exit: ${JSON.stringify(server.exited)} ---`);
      else console.log('--- end of server output ---');
    }
    if (opts.keepData) console.log(`note: data kept in ${tmp}`);
    else await fs.rm(tmp, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

function finish() {
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
}

// Runs the assent binary on the test's data directory (the server's); resolves with its output.
export function runAssent(state, args, stdin = '') {
  return new Promise((resolve, reject) => {
    const child = execFile(
      state.bin,
      args,
      { env: { ...process.env, ASSENT_DATA_DIR: state.dataDir }, timeout: 60_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`assent ${args.join(' ')}: ${err.message}\n${stdout}${stderr}`)) : resolve(stdout + stderr)),
    );
    child.stdin.end(stdin);
  });
}

// Adds a staff account with `assent user add ... --password-stdin`.
export function addStaffUser(state, [username, name, roles], password) {
  return runAssent(
    state,
    ['user', 'add', username, '--name', name, '--email', `${username}@example.org`, '--roles', roles, '--password-stdin'],
    `${password}\n`,
  );
}
