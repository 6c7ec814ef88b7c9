/**
 * "Ask a wallet on a phone" in Node (docs/oid4vp.md "Cross-device"): an agent in process (real
 * SQLite file, real HTTP on loopback, a pinned clock so that expiry is tested without waiting), the
 * page's own module (verifier-web/src/cross-device.ts) making and polling the request, the
 * OpenID4VP library's Openid4vpClient as the wallet (test/web/wallet.ts), the core verifying.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollCrossDevice, readCrossDeviceResponse, startCrossDevice, type CrossDeviceRequest } from '../../verifier-web/src/cross-device.js';
import { oid4vciAgent, type Oid4vciAgent } from '../oid4vci/helpers.js';
import { NOW } from '../verify/helpers.js';
import { presentationVerifier, signedPermit } from './presented-permit.js';
import { answerCrossDevice, HOLDER_DID } from './wallet.js';

const verifier = presentationVerifier;
const permitJwt = await signedPermit();
const START = new Date('2026-12-01T12:00:00Z');

let agent: Oid4vciAgent;
beforeAll(async () => {
  agent = await oid4vciAgent(START);
});
afterAll(async () => {
  await agent?.close();
});

const rows = async () => (await agent.saiga.reads.get<{ n: number }>('SELECT COUNT(*) AS n FROM presentation_request'))!.n;
const answered = async (id: string) => (await agent.saiga.reads.get<{ r: string | null }>('SELECT response AS r FROM presentation_request WHERE id = ?', [id]))?.r ?? null;

async function start(): Promise<CrossDeviceRequest> {
  const started = await startCrossDevice(agent.url);
  if (!started.ok) throw new Error(started.detail);
  return started.request;
}

const post = (path: string, body: string, type = 'application/x-www-form-urlencoded') => fetch(`${agent.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });

describe('cross-device presentation', () => {
  it('the request: direct_post to this agent, client_id redirect_uri:, the page nonce, the permit query; a genuine answer is verified', async () => {
    const request = await start();
    const responseUri = `${agent.url}/oid4vp/responses/${request.id}`;
    expect(request.authorizationRequest.startsWith('openid4vp://?')).toBe(true);
    expect(request.payload).toMatchObject({ response_type: 'vp_token', response_mode: 'direct_post', response_uri: responseUri, client_id: `redirect_uri:${responseUri}`, nonce: request.nonce, dcql_query: { credentials: [{ id: 'permit', format: 'jwt_vc_json' }] } });
    expect(request.clientId).toBe(`redirect_uri:${responseUri}`);
    expect(request.expiresAt).toBe('2026-12-01T12:05:00.000Z');
    expect(await pollCrossDevice(agent.url, request)).toEqual({ kind: 'pending' });

    expect(await answerCrossDevice(request.authorizationRequest, { permitJwt, now: () => NOW })).toEqual({ status: 200, body: {} });
    const polled = await pollCrossDevice(agent.url, request);
    if (polled.kind !== 'answered') throw new Error(polled.kind);
    const read = await readCrossDeviceResponse(polled.response, request);
    if (!read.ok) throw new Error(read.detail);
    expect(read.input.expected).toEqual({ nonce: request.nonce, audience: `redirect_uri:${responseUri}` });
    const r = await verifier.verifyInput(read.input, { now: NOW });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.checks[0]!.message).toBe(`Signed by the wallet key ${HOLDER_DID}.`);
    expect(r.checks[1]!.message).toBe(`It answers this request (nonce) of redirect_uri:${responseUri}.`);
    expect(r.checks.at(-1)!.check).toBe('holder');

    // Exactly once: a second answer is refused and the first one stays.
    const first = await answered(request.id);
    expect(await answerCrossDevice(request.authorizationRequest, { permitJwt, now: () => NOW })).toEqual({ status: 400, body: { error: 'invalid_request', error_description: 'This request has been answered already.' } });
    expect(await answered(request.id)).toBe(first);
  });

  it('a VP bound to another audience (the DC API origin) is refused by the core with PRESENTATION_AUDIENCE_MISMATCH', async () => {
    const request = await start();
    await answerCrossDevice(request.authorizationRequest, { permitJwt, now: () => NOW, tamper: { audience: `origin:${agent.url}` } });
    const polled = await pollCrossDevice(agent.url, request);
    if (polled.kind !== 'answered') throw new Error(polled.kind);
    const read = await readCrossDeviceResponse(polled.response, request);
    if (!read.ok) throw new Error(read.detail);
    const r = await verifier.verifyInput(read.input, { now: NOW });
    expect(r.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['PRESENTATION_AUDIENCE_MISMATCH']);
  });

  it("a wallet's refusal (error=access_denied) reaches the page as a refusal", async () => {
    const request = await start();
    expect(await answerCrossDevice(request.authorizationRequest, { permitJwt, decline: true })).toEqual({ status: 200, body: {} });
    const polled = await pollCrossDevice(agent.url, request);
    if (polled.kind !== 'answered') throw new Error(polled.kind);
    expect(await readCrossDeviceResponse(polled.response, request)).toEqual({ ok: false, refused: true, detail: 'The wallet refused (access_denied: The holder declined.).' });
  });

  it('a wrong state, an unknown request, an answer with neither vp_token nor error: 400 invalid_request, nothing written', async () => {
    const request = await start();
    expect(await answerCrossDevice(request.authorizationRequest, { permitJwt, now: () => NOW, state: 'not-the-state' })).toEqual({ status: 400, body: { error: 'invalid_request', error_description: 'The state does not match the request.' } });
    expect(await answered(request.id)).toBeNull();
    const unknown = await post('/oid4vp/responses/AAAAAAAAAAAAAAAAAAAAAA', 'vp_token=%7B%7D&state=x');
    expect([unknown.status, await unknown.json()]).toEqual([400, { error: 'invalid_request', error_description: 'No such presentation request.' }]);
    const empty = await post(`/oid4vp/responses/${request.id}`, `state=${encodeURIComponent(String(request.payload.state))}`);
    expect([empty.status, await empty.json()]).toEqual([400, { error: 'invalid_request', error_description: 'The answer must carry either "vp_token" or "error".' }]);
    const json = await post(`/oid4vp/responses/${request.id}`, '{}', 'application/json');
    expect(json.status).toBe(400);
    expect(await answered(request.id)).toBeNull();
    expect(await pollCrossDevice(agent.url, request)).toEqual({ kind: 'pending' });
  });

  it('the read token: missing or wrong → 401; an unknown request → 404; every answer no-store', async () => {
    const request = await start();
    const at = `${agent.url}/oid4vp/requests/${request.id}/response`;
    const missing = await fetch(at);
    expect([missing.status, ((await missing.json()) as { error: { code: string } }).error.code, missing.headers.get('cache-control')]).toEqual([401, 'UNAUTHORIZED', 'no-store']);
    const wrong = await fetch(at, { headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
    expect(wrong.status).toBe(401);
    const unknown = await fetch(`${agent.url}/oid4vp/requests/AAAAAAAAAAAAAAAAAAAAAA/response`, { headers: { authorization: `Bearer ${request.readToken}` } });
    expect([unknown.status, ((await unknown.json()) as { error: { code: string } }).error.code]).toEqual([404, 'NOT_FOUND']);
    const ok = await fetch(at, { headers: { authorization: `Bearer ${request.readToken}` } });
    expect([ok.status, await ok.json(), ok.headers.get('cache-control')]).toEqual([202, { state: 'pending', expiresAt: request.expiresAt }, 'no-store']);
  });

  it.each([
    ['no nonce', {}, '/nonce'],
    ['a short nonce', { nonce: 'abc' }, '/nonce'],
    ['a nonce that is not base64url', { nonce: 'a+b/c='.repeat(5) }, '/nonce'],
    ['an unknown field', { nonce: 'n'.repeat(32), state: 'mine' }, '/state'],
  ])('a request with %s → 400 BAD_REQUEST at its path, nothing written', async (_what, body, path) => {
    const before = await rows();
    const response = await post('/oid4vp/requests', JSON.stringify(body), 'application/json');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string; path: string } }).error).toMatchObject({ code: 'BAD_REQUEST', path });
    expect(await rows()).toBe(before);
  });

  it('after its lifetime a request takes no answer (400, nothing written) and reads 410; expired rows are deleted as new ones are made', async () => {
    const request = await start();
    agent.clock.now = new Date(START.getTime() + 300_000);
    expect(await answerCrossDevice(request.authorizationRequest, { permitJwt, now: () => NOW })).toEqual({ status: 400, body: { error: 'invalid_request', error_description: 'This request has expired.' } });
    expect(await answered(request.id)).toBeNull();
    const read = await fetch(`${agent.url}/oid4vp/requests/${request.id}/response`, { headers: { authorization: `Bearer ${request.readToken}` } });
    expect([read.status, await read.json()]).toEqual([410, { state: 'expired', expiresAt: request.expiresAt }]);
    expect(await pollCrossDevice(agent.url, request)).toEqual({ kind: 'expired', detail: 'No wallet answered before the request expired.' });
    await start();
    expect(await rows()).toBe(1);
  });

  it('a page not served by an agent with the relay gets a clear refusal, not a fault', async () => {
    expect(await startCrossDevice('http://127.0.0.1:9', (u, i) => fetch(u, i))).toMatchObject({ ok: false, detail: expect.stringMatching(/^The agent cannot be reached/) });
    const nowhere = await startCrossDevice(agent.url, async () => new Response('{}', { status: 404 }));
    expect(nowhere).toEqual({ ok: false, detail: 'This page is not served by a Saiga agent that relays wallet answers (no /oid4vp/requests here).' });
  });
});
