#!/usr/bin/env node
// The JSON API against its OpenAPI 3.1 document (no browser needed).
//
//   node tests/browser/openapi.test.mjs --assent build/assent
//
// Starts `<assent> serve --demo` on a free loopback port, validates /api/v1/openapi.json
// with @seriousme/openapi-schema-validator (OpenAPI 3.1), checks that every /api/v1 route
// the server has is in the document, then fetches each route (answers and errors) and
// validates the body against the response schema the document gives for that status, with
// ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Ends with `N passed, M failed`.

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { freePort, sleep } from './harness.mjs';

const results = { passed: 0, failed: 0 };
async function check(name, fn) {
  try {
    await fn();
    results.passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    results.failed++;
    console.log(`FAIL - ${name}`);
    for (const line of String(e && e.message ? e.message : e).split('\n')) console.log(`    ${line}`);
  }
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}

const argv = process.argv.slice(2);
const bin = argv[argv.indexOf('--assent') + 1];
if (!bin || argv.indexOf('--assent') < 0) {
  console.error('usage: node tests/browser/openapi.test.mjs --assent /path/to/assent');
  process.exit(2);
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'assent-openapi-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(bin, ['serve', '--demo', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`],
                    { stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
child.stderr.on('data', (c) => { log += c.toString('utf8'); });
let exited = false;
child.on('exit', () => { exited = true; });

try {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`server exited:\n${log}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.status === 200) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`no /healthz within 30 s:\n${log}`);
    await sleep(100);
  }

  const doc = await (await fetch(`${base}/api/v1/openapi.json`)).json();

  await check('openapi.json is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const res = await validator.validate(structuredClone(doc));
    expect(validator.version === '3.1', `validated as version ${validator.version}`);
    expect(res.valid, `invalid: ${JSON.stringify(res.errors, null, 2)}`);
  });

  await check('the validator rejects a broken document (the check can fail)', async () => {
    const broken = structuredClone(doc);
    broken.paths['/api/v1/bodies'].get.responses = 'none';
    const res = await new Validator().validate(broken);
    expect(!res.valid, 'a document with responses: "none" passed');
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi');
  // Validates a response against the schema the document gives for its path and status.
  async function conforms(route, target, wantStatus) {
    const res = await fetch(base + target);
    const body = await res.json();
    expect(res.status === wantStatus, `${target}: status ${res.status}, wanted ${wantStatus}: ${JSON.stringify(body)}`);
    expect(res.headers.get('content-type') === 'application/json', `${target}: content-type ${res.headers.get('content-type')}`);
    const op = doc.paths[route]?.get;
    expect(op, `${route} is not in the document`);
    const response = op.responses[String(wantStatus)];
    expect(response, `${route}: no response ${wantStatus} in the document`);
    const ptr = `openapi#/paths/${route.replaceAll('~', '~0').replaceAll('/', '~1')}/get/responses/${wantStatus}/content/application~1json/schema`;
    const validate = ajv.getSchema(ptr);
    expect(validate, `no schema at ${ptr}`);
    expect(validate(body), `${target}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 400)}`);
    return body;
  }

  const cases = [
    ['/api/v1/bodies', '/api/v1/bodies', 200],
    ['/api/v1/strategies', '/api/v1/strategies', 200],
    ['/api/v1/strategies', '/api/v1/strategies?as_of=2019-02-30', 400],
    ['/api/v1/bodies/{body}/strategies', '/api/v1/bodies/cumbria/strategies', 200],
    ['/api/v1/bodies/{body}/strategies', '/api/v1/bodies/cumbria/strategies?as_of=soon', 400],
    ['/api/v1/bodies/{body}/strategies', '/api/v1/bodies/nowhere/strategies', 404],
    ['/api/v1/bodies/{body}/strategies/{id}', '/api/v1/bodies/cumbria/strategies/ict-2015-2019', 200],
    ['/api/v1/bodies/{body}/strategies/{id}', '/api/v1/bodies/essex/strategies/digital-strategy-2021', 200],
    ['/api/v1/bodies/{body}/strategies/{id}', '/api/v1/bodies/cumbria/strategies/nope', 404],
    ['/api/v1/bodies/{body}/decisions', '/api/v1/bodies/cumbria/decisions', 200],
    ['/api/v1/bodies/{body}/decisions', '/api/v1/bodies/cumbria/decisions?limit=1&year=2017', 200],
    ['/api/v1/bodies/{body}/decisions', '/api/v1/bodies/cumbria/decisions?limit=0', 400],
    ['/api/v1/bodies/{body}/decisions', '/api/v1/bodies/cumbria/decisions?status=draft', 400],
    ['/api/v1/bodies/{body}/decisions', '/api/v1/bodies/nowhere/decisions', 404],
    ['/api/v1/bodies/{body}/decisions', '/api/v1/bodies/cumbria/decisions?after=not-a-cursor', 400],
    ['/api/v1/bodies/{body}/decisions/{ref}', '/api/v1/bodies/cumbria/decisions/006-2017', 200],
    ['/api/v1/bodies/{body}/decisions/{ref}', '/api/v1/bodies/cumbria/decisions/999-1999', 404],
    ['/api/v1/search', '/api/v1/search?q=strategy', 200],
    ['/api/v1/search', '/api/v1/search?q=strategy&body=cumbria&limit=1', 200],
    ['/api/v1/search', '/api/v1/search?q=strategy&year=17', 400],
    ['/api/v1/search', '/api/v1/search?q=strategy&body=nowhere', 400],
  ];
  for (const [route, target, status] of cases) {
    await check(`${target} -> ${status} conforms to its schema`, () => conforms(route, target, status));
  }

  await check('following `next` walks the whole register', async () => {
    const seen = new Set();
    let target = '/api/v1/bodies/cumbria/decisions?limit=1';
    let pages = 0;
    while (target) {
      const page = await conforms('/api/v1/bodies/{body}/decisions', target, 200);
      for (const d of page.decisions) seen.add(d.reference);
      target = page.next;
      expect(++pages < 50, 'more than 50 pages');
    }
    const all = await conforms('/api/v1/bodies/{body}/decisions', '/api/v1/bodies/cumbria/decisions', 200);
    expect(seen.size === all.decisions.length && pages === all.decisions.length,
           `walked ${seen.size} decisions in ${pages} pages, register has ${all.decisions.length}`);
  });

  await check('the demo\'s stubs and tombstones conform, with their state and no content', async () => {
    const states = new Set();
    for (const body of ['cumbria', 'lancashire', 'essex']) {
      const page = await conforms('/api/v1/bodies/{body}/decisions', `/api/v1/bodies/${body}/decisions?limit=100`, 200);
      for (const d of page.decisions) {
        states.add(d.state);
        if (d.state === 'published') continue;
        expect(d.outcome === null, `${d.api_url}: a ${d.state} row shows its outcome`);
        const one = await conforms('/api/v1/bodies/{body}/decisions/{ref}', d.api_url, 200);
        expect(one.publication.state === d.state, `${d.api_url}: state ${one.publication.state}, row says ${d.state}`);
        expect(one.sections.length === 0 && one.background_papers.length === 0,
               `${d.api_url}: a ${d.state} record carries content`);
      }
    }
    for (const s of ['published', 'deferred', 'withheld', 'withdrawn']) {
      expect(states.has(s), `no ${s} record in the demo register's API (${[...states].join(', ')})`);
    }
  });

  await check('a schema rejects a wrong answer (the check can fail)', async () => {
    const validate = ajv.getSchema('openapi#/components/schemas/RegisterRow');
    expect(!validate({ reference: 1 }), 'a row without its fields passed');
  });

  await check('every /api/v1 route the server answers is documented', async () => {
    const documented = Object.keys(doc.paths);
    for (const route of ['/api/v1/bodies', '/api/v1/strategies', '/api/v1/search', '/api/v1/openapi.json',
                         '/api/v1/bodies/{body}/decisions', '/api/v1/bodies/{body}/decisions/{ref}',
                         '/api/v1/bodies/{body}/strategies', '/api/v1/bodies/{body}/strategies/{id}']) {
      expect(documented.includes(route), `${route} missing from the document`);
    }
    const r = await fetch(`${base}/api/v1/no-such-thing`);
    expect(r.status === 404 && (await r.json()).error.status === 404, 'an unknown API path is not a JSON 404');
  });
} catch (e) {
  results.failed++;
  console.log(`FAIL - setup\n    ${e.message}`);
} finally {
  child.kill('SIGTERM');
  await Promise.race([new Promise((r) => child.on('exit', r)), sleep(5000)]);
  await fs.rm(dataDir, { recursive: true, force: true });
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
