/**
 * One verification path: the same inputs through the core (in this process), `POST /api/verify`
 * on a real agent process, `saiga verify --json` (a CLI process) and the verifier page in
 * Chromium give the same code for every check. Also defect 15: `saiga verify` reads the
 * issued.json and the qr.png the README makes, and a JPEG photo of the code.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { permitQrLink } from '../../src/qr/link.js';
import { encodePermitQr, encodePermitReference } from '../../src/qr/payload.js';
import { createDidResolver, createPermitVerifier, type PermitVerifier } from '../../src/verify/index.js';
import { initAuthority, readExample, runCli, serveAuthority, tempDir, type AuthorityProcess } from '../helpers/agent-process.js';
import { changePayloadByte, decodePayload, encodeSegment, signWithUnknownDidKey } from '../helpers/forge.js';
import { buildPage, hostPage, watchPage, type PageHost } from './helpers.js';

type Codes = [check: string, code: string][];

let lk: AuthorityProcess;
let customsDid: string;
let host: PageHost;
let browser: Browser;
let core: PermitVerifier;
let issued: { permitNumber: string; jwt: string };
const work = tempDir('saiga-one-path-');
const problems: string[] = [];

const SIGNED_OK: Codes = ['format', 'algorithm', 'trust', 'issuer', 'signature'].map((c) => [c, 'OK']);
const VALID: Codes = [...SIGNED_OK, ['validity', 'OK'], ['permit', 'OK'], ['status', 'OK'], ['endorsement', 'OK']];

interface Row {
  name: string;
  input: () => Promise<string>;
  expected: Codes;
  /** The page never submits empty text (it asks for input first). */
  page?: false;
}

/** A reference to a permit the issuing agent does not have: same issuer, an unknown credential id. */
function unknownPermitOf(jwt: string): string {
  const [header, , signature] = jwt.split('.') as [string, string, string];
  const claims = decodePayload(jwt);
  return `${header}.${encodeSegment({ ...claims, jti: 'urn:uuid:00000000-0000-4000-8000-000000000000' })}.${signature}`;
}

const ROWS: Row[] = [
  { name: 'a VC-JWT', input: async () => issued.jwt, expected: VALID },
  { name: 'a CP2 payload', input: async () => encodePermitQr(issued.jwt), expected: VALID },
  { name: 'the verifier link of the printed QR', input: async () => permitQrLink(lk.url, encodePermitQr(issued.jwt)), expected: VALID },
  { name: 'a JWT inside a link from another host', input: async () => `https://verifier.elsewhere.example/check#${issued.jwt}`, expected: VALID },
  { name: 'issued.json (the answer of POST /api/permits)', input: async () => JSON.stringify(issued, null, 2), expected: VALID },
  { name: 'a reference to a trusted issuer', input: async () => permitQrLink(lk.url, await encodePermitReference(issued.jwt)), expected: VALID },
  {
    name: 'a reference to an untrusted issuer',
    input: async () => encodePermitReference((await signWithUnknownDidKey(decodePayload(issued.jwt))).jwt),
    expected: [['trust', 'ISSUER_UNTRUSTED']],
  },
  { name: 'a reference whose fetch fails (the issuer has no such permit)', input: async () => encodePermitReference(unknownPermitOf(issued.jwt)), expected: [['format', 'QR_REFERENCE_UNAVAILABLE']] },
  {
    name: 'a tampered JWT (a quantity changed after signing)',
    input: async () => changePayloadByte(issued.jwt, '"quantity":1200', '"quantity":1900'),
    expected: [...SIGNED_OK.slice(0, 4), ['signature', 'SIGNATURE_INVALID']],
  },
  { name: 'a JWT signed by an unknown authority', input: async () => (await signWithUnknownDidKey(decodePayload(issued.jwt))).jwt, expected: [['format', 'OK'], ['algorithm', 'OK'], ['trust', 'ISSUER_UNTRUSTED']] },
  { name: 'garbage', input: async () => 'hello, is this a permit?', expected: [['format', 'QR_NOT_A_PERMIT']] },
  { name: 'a damaged CP2 payload', input: async () => `${encodePermitQr(issued.jwt).slice(0, 60)}`, expected: [['format', 'QR_MALFORMED']] },
  { name: 'empty text', input: async () => '   ', expected: [['format', 'QR_EMPTY']], page: false },
];

const codesOf = (result: { checks: { check: string; code: string }[] }): Codes => result.checks.map((c) => [c.check, c.code]);

async function throughCore(text: string): Promise<Codes> {
  return codesOf(await core.verifyInput(text, { now: new Date() }));
}

async function throughApi(text: string): Promise<Codes> {
  const response = await lk.api('/api/verify', { body: { credential: text } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return codesOf(response.body);
}

async function throughCli(text: string): Promise<Codes> {
  const run = await runCli(['verify', text, '--config', lk.config, '--json']);
  const result = JSON.parse(run.stdout);
  expect(run.code, run.stderr).toBe(result.verified ? 0 : 1);
  return codesOf(result);
}

async function throughPage(text: string): Promise<Codes> {
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  watchPage(page, problems);
  try {
    await page.goto(`${host.url}/VERIFY`);
    await page.getByLabel(/Or paste/).fill(text);
    await page.getByRole('button', { name: 'Verify' }).click();
    const verdict = page.locator('#verdict[data-verdict]');
    await verdict.waitFor({ timeout: 30_000 });
    // Input that is no permit shows no checks: its one code is the verdict's (the format check's).
    if (await page.locator('#checks-section').isHidden()) return [['format', (await verdict.getAttribute('data-code'))!]];
    const items = page.locator('#checks li[data-check]');
    const codes: Codes = [];
    for (let i = 0; i < (await items.count()); i++) codes.push([(await items.nth(i).getAttribute('data-check'))!, (await items.nth(i).getAttribute('data-code'))!]);
    return codes;
  } finally {
    await page.context().close();
  }
}

beforeAll(async () => {
  buildPage();
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
  customsDid = init.customsDid;
  lk = await serveAuthority(init);
  host = await hostPage(lk);
  const response = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  issued = response.body;
  // The core as any verifier elsewhere runs it: real did:web resolution and fetches over loopback http.
  core = createPermitVerifier({
    resolveDid: createDidResolver({ fetch }),
    trustedIssuers: [
      { did: lk.did, role: 'managementAuthority', country: 'LK', name: 'Department of Wildlife Conservation' },
      { did: customsDid, role: 'customs', country: 'LK', name: 'Sri Lanka Customs' },
    ],
    fetch,
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await lk?.stop();
});

describe('the same input gives the same codes through the core, POST /api/verify, saiga verify and the page', () => {
  it.each(ROWS)('$name', async (row) => {
    const text = await row.input();
    const fromCore = await throughCore(text);
    expect(fromCore).toEqual(row.expected);
    expect(await throughApi(text)).toEqual(fromCore);
    expect(await throughCli(text)).toEqual(fromCore);
    if (row.page !== false) expect(await throughPage(text)).toEqual(fromCore);
  });

  it('the page logged no error and requested nothing off loopback', () => {
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });
});

describe('saiga verify reads the files the README makes (defect 15)', () => {
  it('issued.json, the answer of POST /api/permits saved to a file', async () => {
    const file = join(work, 'issued.json');
    writeFileSync(file, `${JSON.stringify(issued, null, 2)}\n`);
    const run = await runCli(['verify', file, '--config', lk.config, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(codesOf(JSON.parse(run.stdout))).toEqual(VALID);
    expect(JSON.parse(run.stdout).permit.permitNumber).toBe(issued.permitNumber);
  });

  it('qr.png written by saiga permit qr --png, and a JPEG photo of it', async () => {
    const png = join(work, 'qr.png');
    const made = await runCli(['permit', 'qr', issued.permitNumber, '--png', png, '--config', lk.config, '--json']);
    expect(made.code, made.stderr).toBe(0);
    const fromPng = await runCli(['verify', png, '--config', lk.config, '--json']);
    expect(fromPng.code, fromPng.stderr).toBe(0);
    expect(codesOf(JSON.parse(fromPng.stdout))).toEqual(VALID);

    // A JPEG as a phone camera would save it: the PNG drawn on a page and captured lossy by Chromium.
    const page = await (await browser.newContext({ viewport: { width: 900, height: 900 } })).newPage();
    const { readFileSync } = await import('node:fs');
    await page.setContent(`<body style="margin:0;background:#fff"><img style="width:800px;margin:50px" src="data:image/png;base64,${readFileSync(png).toString('base64')}"></body>`);
    const jpeg = join(work, 'qr-photo.jpg');
    await page.screenshot({ path: jpeg, type: 'jpeg', quality: 70 });
    await page.context().close();
    const fromJpeg = await runCli(['verify', jpeg, '--config', lk.config, '--json']);
    expect(fromJpeg.code, fromJpeg.stderr).toBe(0);
    expect(codesOf(JSON.parse(fromJpeg.stdout))).toEqual(VALID);
  });

  it('an image with no QR code in it is QR_NOT_A_PERMIT, in words without --json', async () => {
    const page = await (await browser.newContext({ viewport: { width: 200, height: 200 } })).newPage();
    const blank = join(work, 'blank.png');
    await page.screenshot({ path: blank, type: 'png' });
    await page.context().close();
    const json = await runCli(['verify', blank, '--config', lk.config, '--json']);
    expect(json.code).toBe(1);
    expect(codesOf(JSON.parse(json.stdout))).toEqual([['format', 'QR_NOT_A_PERMIT']]);
    const words = await runCli(['verify', blank, '--config', lk.config]);
    expect(words.stdout).toContain(`No QR code was found in ${blank}.`);
  });
});
