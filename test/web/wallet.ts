/**
 * A test wallet: the OpenID4VP library's own client (Openid4vpClient) answering the verifier
 * page's Digital Credentials API request with a VP JWT it signs (EdDSA, did:jwk holder) around
 * one permit VC-JWT. `tamper` makes it answer wrongly on purpose (another nonce, another origin).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { base64url, CompactSign, importJWK, type JWK } from 'jose';

/** A fixed Ed25519 holder key (test only). */
export const HOLDER_JWK: JWK = { kty: 'OKP', crv: 'Ed25519', x: 'adngVhiE1DaMgPSlfWYboNV9BrsXnQpy8WxzcHslYqs', d: 'HYZ5Ik-_iX0nUILd4xiwKuGjk9cMovYAPRkM-pXtm9k' };
export const HOLDER_DID = `did:jwk:${base64url.encode(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: HOLDER_JWK.x }))}`;

export interface WalletOptions {
  permitJwt: string;
  now?: () => Date;
  tamper?: { nonce?: string; audience?: string };
}

const client = new Openid4vpClient({
  callbacks: {
    hash: (data: Uint8Array, alg: string) => new Uint8Array(createHash(alg.replace('-', '').toLowerCase()).update(data).digest()),
    generateRandom: (n: number) => new Uint8Array(randomBytes(n)),
    fetch,
  } as never,
});

/** The VP JWT the wallet signs around the permit for `audience` and `nonce` (or the tampered ones). */
async function signPresentation(audience: string, nonce: string, options: WalletOptions): Promise<string> {
  const iat = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const vp = {
    iss: HOLDER_DID,
    aud: options.tamper?.audience ?? audience,
    nonce: options.tamper?.nonce ?? nonce,
    iat,
    exp: iat + 300,
    vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], holder: HOLDER_DID, verifiableCredential: [options.permitJwt] },
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(vp)))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: `${HOLDER_DID}#0` })
    .sign(await importJWK(HOLDER_JWK, 'EdDSA'));
}

/** Answers `{ protocol, data }` of a DC API request as a wallet on `origin`; gives the DC API response `data`. */
export async function answer(request: { protocol: string; data: unknown }, origin: string, options: WalletOptions): Promise<Record<string, unknown>> {
  const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: request.data as Record<string, unknown> });
  const resolved = await client.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: parsed.params as never, origin });
  const payload = resolved.authorizationRequestPayload as { nonce: string };
  const vpJwt = await signPresentation(resolved.client.effective, payload.nonce, options);
  const response = await client.createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: resolved.authorizationRequestPayload,
    authorizationResponsePayload: { vp_token: { permit: [vpJwt] } } as never,
    origin,
  });
  return response.authorizationResponsePayload as Record<string, unknown>;
}

/**
 * The same wallet on another device (OpenID4VP 1.0 §8.2 direct_post): it scans the `openid4vp://`
 * request, resolves it with the library (client_id `redirect_uri:`), and submits its answer with
 * the library to the request's response_uri. `decline` answers an OAuth error instead (the person
 * refused in the wallet). Gives the relay's HTTP status and body.
 */
export async function answerCrossDevice(uri: string, options: WalletOptions & { decline?: boolean; state?: string }): Promise<{ status: number; body: unknown }> {
  const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: uri });
  const resolved = await client.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: parsed.params as never });
  const payload = resolved.authorizationRequestPayload as { nonce: string; state?: string; response_uri: string };
  let responsePayload: Record<string, unknown>;
  if (options.decline) {
    responsePayload = { error: 'access_denied', error_description: 'The holder declined.', state: options.state ?? payload.state };
  } else {
    const vpJwt = await signPresentation(resolved.client.effective, payload.nonce, options);
    const response = await client.createOpenid4vpAuthorizationResponse({ authorizationRequestPayload: resolved.authorizationRequestPayload, authorizationResponsePayload: { vp_token: { permit: [vpJwt] } } as never });
    responsePayload = { ...(response.authorizationResponsePayload as Record<string, unknown>), ...(options.state !== undefined && { state: options.state }) };
  }
  if (options.decline) {
    // The library submits only vp_token answers; a refusal is the same form POST (direct_post).
    const sent = await fetch(payload.response_uri, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(responsePayload as Record<string, string>) });
    return { status: sent.status, body: await sent.json() };
  }
  const { response } = await client.submitOpenid4vpAuthorizationResponse({ authorizationRequestPayload: { response_uri: payload.response_uri }, authorizationResponsePayload: responsePayload as never });
  return { status: response.status, body: await response.json() };
}
