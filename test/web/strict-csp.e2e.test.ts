/**
 * The verifier page under its strict Content-Security-Policy (no 'unsafe-eval'), served by
 * a real agent process and opened in Debian's Chromium: it checks permits and endorsements
 * against their JSON Schemas with the validators generated at build time, so nothing is
 * refused by the CSP, and a schema failure shows with the same codes and messages as the
 * agent's own (run-time compiled) validators give.
 *
 * The agent trusts one test key (test/verify/fixtures/test-keys.json) as a second
 * Management Authority, so that a permit with a valid signature can break the schema.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../bench/camera-frame.js';
import { VERIFIER_PAGE_CSP } from '../../src/http/routes/verifier-page.js';
import { validatePermit } from '../../src/permit/validate.js';
import { type AuthorityProcess, createToken, initAuthority, readExample, runCli, serveAuthority } from '../helpers/agent-process.js';
import { decodePayload, signAsDidKey } from '../helpers/forge.js';
import { ISSUER } from '../verify/helpers.js';
import { buildPage, watchPage } from './helpers.js';

const orchids = readExample('export-lk-orchids.json');

let lk: AuthorityProcess;
let browser: Browser;
/** Everything the pages reported: CSP violations (from `securitypolicyviolation` events), console errors, page errors. */
const problems: string[] = [];

async function issue(): Promise<{ permitNumber: string; jwt: string }> {
  const response = await lk.api('/api/permits', { token: lk.officerToken, body: orchids });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { permitNumber: string; jwt: string };
}

/** A page that records every CSP violation, console error and page error into `problems`. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  // Runs before the page's own scripts (injected by the browser, so the CSP does not apply to it).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  const page = await context.newPage();
  watchPage(page, problems);
  return page;
}

/** Opens the agent's own /VERIFY with a permit in the fragment; returns the verdict and its code. */
async function verifyOnAgent(page: Page, jwt: string): Promise<[string | null, string | null]> {
  const response = await page.goto(`${lk.url}/VERIFY#${jwt}`);
  expect(response!.headers()['content-security-policy']).toBe(VERIFIER_PAGE_CSP);
  const verdict = page.locator('#verdict[data-verdict]');
  await verdict.waitFor({ timeout: 30_000 });
  return [await verdict.getAttribute('data-verdict'), await verdict.getAttribute('data-code')];
}

/** Each check shown, as [check, code]: the code is OK for a check that passed. */
const shownChecks = (page: Page) => page.locator('#checks li.check').evaluateAll((items) => items.map((li) => [(li as HTMLElement).dataset.check, (li as HTMLElement).dataset.code]));

beforeAll(async () => {
  buildPage();
  const init = await initAuthority({
    country: 'LK',
    name: 'Department of Wildlife Conservation',
    place: 'Battaramulla',
    peers: [{ did: ISSUER.didKey, country: 'LK', name: 'Test signer of test-keys.json' }],
  });
  lk = await serveAuthority(init);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await lk?.stop();
});

describe('verifier page under the strict CSP, served by the agent, in Chromium', () => {
  it('the CSP has no unsafe-eval, and the page really cannot evaluate strings (a violation is reported)', async () => {
    expect(VERIFIER_PAGE_CSP).not.toContain("'unsafe-eval'");
    expect(VERIFIER_PAGE_CSP).toContain("script-src 'self' 'wasm-unsafe-eval'");
    const page = await newPage();
    await page.goto(`${lk.url}/VERIFY`);
    // page.evaluate itself is exempt from the CSP (DevTools), so the page's own click handler tries it.
    await page.evaluate(() => {
      document.addEventListener('click', () => {
        try {
          document.body.dataset.evalTry = new Function('return "evaluated"')() as string;
        } catch (e) {
          document.body.dataset.evalTry = (e as Error).name;
        }
      });
    });
    await page.mouse.click(1, 1);
    expect(await page.locator('body').getAttribute('data-eval-try')).toBe('EvalError');
    // The listener saw it: the checks below would see a refused `new Function` of ajv too.
    await expect.poll(() => problems.filter((p) => p.startsWith('CSP violation:'))).toEqual(["CSP violation: script-src blocked eval"]);
    problems.length = 0;
    await page.context().close();
  });

  it('a permit issued by the agent → valid, every check passed', async () => {
    const page = await newPage();
    expect(await verifyOnAgent(page, (await issue()).jwt)).toEqual(['valid', null]);
    expect(await shownChecks(page)).toEqual(['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'permit', 'status', 'endorsement'].map((check) => [check, 'OK']));
    await page.context().close();
  });

  it('an endorsed permit → used (the endorsement is checked against its schema in the page too)', async () => {
    const permit = await issue();
    const customsToken = await createToken(lk.config, 'customs', 'Kamal Perera');
    const today = new Date().toISOString().slice(0, 10);
    const endorsed = await lk.api(`/api/permits/${permit.permitNumber}/endorsements`, {
      token: customsToken,
      body: { blocks: [{ block: 'A', quantity: 800 }], portOfExport: 'LKCMB', date: today, transportDocument: '176-12345675' },
    });
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
    const page = await newPage();
    expect(await verifyOnAgent(page, permit.jwt)).toEqual(['used', null]);
    expect(await page.locator('#verdict').innerText()).toContain('Block A — Phalaenopsis amabilis: permitted 1,200 NAR, exported 800 NAR');
    await page.context().close();
  });

  it('a validly signed permit that breaks the schema → invalid (PERMIT_INVALID), with the exact findings the agent gives', async () => {
    const payload = decodePayload((await issue()).jwt);
    // An unknown field (FIELD_UNKNOWN) and a day that does not exist (FIELD_INVALID, format "date" of ajv-formats).
    const subject = payload.vc.credentialSubject;
    payload.vc.credentialSubject = { ...subject, colour: 'green', specimens: [{ ...subject.specimens[0], origin: { country: 'IN', permitNumber: 'IN-1', date: '2026-02-30' } }] };
    const { jwt } = await signAsDidKey(payload, ISSUER.privateJwk);
    const signed = decodePayload(jwt);
    const agentSide = validatePermit(signed.vc.credentialSubject, { issuerCountry: 'LK', issuedAt: new Date(signed.nbf * 1000), validUntil: new Date(signed.exp * 1000).toISOString().slice(0, 10) });
    expect(agentSide.errors.map((e) => [e.code, e.path])).toEqual([
      ['FIELD_UNKNOWN', '/colour'],
      ['FIELD_INVALID', '/specimens/0/origin/date'],
    ]);

    const page = await newPage();
    expect(await verifyOnAgent(page, jwt)).toEqual(['invalid', 'PERMIT_INVALID']);
    // The signature and the issuer held: only the permit rules (and what depends on them) failed.
    expect((await shownChecks(page)).slice(0, 7)).toEqual([
      ...['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity'].map((check) => [check, 'OK']),
      ['permit', 'PERMIT_INVALID'],
    ]);
    const shown = await page.locator('#checks ul.issues li').evaluateAll((items) => items.map((li) => [(li as HTMLElement).dataset.code, li.textContent]));
    expect(shown).toEqual(agentSide.errors.map((e) => [e.code, `${e.path}: ${e.message}`]));
    expect(shown.map(([code]) => code)).toEqual(['FIELD_UNKNOWN', 'FIELD_INVALID']);
    expect(shown[1]![1]).toContain('must be a calendar date YYYY-MM-DD, found "2026-02-30".');
    await page.context().close();
  });

  it('no CSP violation, console error, page error or request off loopback in any case', () => {
    expect(problems).toEqual([]);
  });
});
