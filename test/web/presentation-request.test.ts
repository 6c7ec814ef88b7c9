/**
 * Round trip in Node (issue 12 §3): the page's request (verifier-web/src/presentation-request.ts),
 * answered by the OpenID4VP library's Openid4vpClient as the wallet (test/web/wallet.ts), read back
 * with the library and verified by the core with the expected nonce and audience.
 */
import { describe, expect, it } from 'vitest';
import { createPermitRequest, DC_API_PROTOCOL, readPermitResponse } from '../../verifier-web/src/presentation-request.js';
import { NOW } from '../verify/helpers.js';
import { presentationVerifier, signedPermit } from './presented-permit.js';
import { answer, HOLDER_DID } from './wallet.js';

const ORIGIN = 'https://verify.example.org';
const verifier = presentationVerifier;
const permitJwt = await signedPermit();

describe('page request, library wallet, core', () => {
  it('the request is an unsigned dc_api request for one permit, with our nonce and no client_id', async () => {
    const request = await createPermitRequest('nonce-1');
    expect(request.data).toMatchObject({ response_type: 'vp_token', response_mode: 'dc_api', nonce: 'nonce-1', dcql_query: { credentials: [{ id: 'permit', format: 'jwt_vc_json' }] } });
    expect(request.data).not.toHaveProperty('client_id');
  });

  it('a genuine answer is verified, and the holder check says the permit binds no key', async () => {
    const request = await createPermitRequest();
    const response = await answer({ protocol: DC_API_PROTOCOL, data: request.data }, ORIGIN, { permitJwt, now: () => NOW });
    const read = await readPermitResponse(response, request, ORIGIN);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.input.expected).toEqual({ nonce: request.nonce, audience: `origin:${ORIGIN}` });
    const r = await verifier.verifyInput(read.input, { now: NOW });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.checks[0]!.message).toBe(`Signed by the wallet key ${HOLDER_DID}.`);
    expect(r.checks.at(-1)!.check).toBe('holder');
  });

  it('a wallet answering another session (another nonce) is refused with PRESENTATION_NONCE_MISMATCH', async () => {
    const request = await createPermitRequest();
    const response = await answer({ protocol: DC_API_PROTOCOL, data: request.data }, ORIGIN, { permitJwt, now: () => NOW, tamper: { nonce: 'stale' } });
    const read = await readPermitResponse(response, request, ORIGIN);
    if (!read.ok) throw new Error(read.detail);
    const r = await verifier.verifyInput(read.input, { now: NOW });
    expect(r.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['PRESENTATION_NONCE_MISMATCH']);
  });

  it('a wallet that bound its answer to another origin is refused with PRESENTATION_AUDIENCE_MISMATCH', async () => {
    const request = await createPermitRequest();
    const response = await answer({ protocol: DC_API_PROTOCOL, data: request.data }, ORIGIN, { permitJwt, now: () => NOW, tamper: { audience: 'origin:https://evil.example' } });
    const read = await readPermitResponse(response, request, ORIGIN);
    if (!read.ok) throw new Error(read.detail);
    const r = await verifier.verifyInput(read.input, { now: NOW });
    expect(r.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['PRESENTATION_AUDIENCE_MISMATCH']);
  });
});
