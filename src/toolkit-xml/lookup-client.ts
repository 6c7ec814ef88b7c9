/**
 * The client side of the EPIX-style lookup (./lookup.ts): `saiga exchange lookup --peer DID NUMBER`.
 * It signs a one-time DIDJWT as this authority, asks the peer's agent at the origin of its
 * did:web (https, or http on loopback: src/vocab/did-web-url.ts), and reads the answer as toolkit
 * XML with the same safe reader as an import, so a peer cannot send a bomb either.
 */
import { randomUUID } from 'node:crypto';
import { didWebToUrl } from '../vocab/did-web-url.js';
import { DIDJWT_SCHEME, LOOKUP_MAX_LIFETIME_SEC } from './lookup.js';
import { MAX_XML_BYTES } from './namespaces.js';
import { readToolkitPermit, type ToolkitReading } from './read-permit.js';

export const LOOKUP_PATH = '/api/exchange/toolkit/permits/';

export interface LookupRequest {
  ourDid: string;
  peer: string;
  permitNumber: string;
  /** Signs the claims as a compact JWS (EdDSA, kid of the authority's current key). */
  signJws: (claims: Record<string, unknown>) => Promise<string>;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now: Date;
  /** The life of the token, seconds (at most LOOKUP_MAX_LIFETIME_SEC). */
  lifetime?: number;
}

export type LookupResult =
  | { ok: true; xml: string; reading: ToolkitReading; url: string }
  | { ok: false; status?: number; code: string; message: string; url?: string };

/** The lookup URL on the peer's agent: the origin its did:web names. */
export function lookupUrl(peer: string, permitNumber: string): string | undefined {
  const documentUrl = didWebToUrl(peer);
  return documentUrl && `${new URL(documentUrl).origin}${LOOKUP_PATH}${encodeURIComponent(permitNumber)}`;
}

export async function lookupPermitXml(request: LookupRequest): Promise<LookupResult> {
  const url = lookupUrl(request.peer, request.permitNumber);
  if (!url) return { ok: false, code: 'BAD_REQUEST', message: `${request.peer} is not a did:web DID: only a did:web names the agent to ask.` };
  const iat = Math.floor(request.now.getTime() / 1000);
  const token = await request.signJws({
    iss: request.ourDid,
    aud: request.peer,
    iat,
    exp: iat + Math.min(request.lifetime ?? 120, LOOKUP_MAX_LIFETIME_SEC),
    jti: randomUUID(),
    permit: request.permitNumber,
  });
  let response: Response;
  try {
    response = await request.fetch(url, { headers: { authorization: `${DIDJWT_SCHEME} ${token}`, accept: 'application/xml' }, redirect: 'error' });
  } catch (error) {
    return { ok: false, code: 'EXCHANGE_PEER_UNREACHABLE', message: (error as Error).message, url };
  }
  const body = new Uint8Array(await response.arrayBuffer());
  if (!response.ok) {
    let error: { code?: string; message?: string } = {};
    try {
      error = (JSON.parse(new TextDecoder().decode(body)) as { error?: typeof error }).error ?? {};
    } catch {
      // not JSON: the status says enough
    }
    return { ok: false, status: response.status, code: error.code ?? 'EXCHANGE_PEER_REFUSED', message: error.message ?? `The peer answered ${response.status}.`, url };
  }
  if (body.byteLength > MAX_XML_BYTES) return { ok: false, code: 'XML_TOO_LARGE', message: `The answer has ${body.byteLength} bytes.`, url };
  const reading = readToolkitPermit(body);
  const xml = new TextDecoder().decode(body);
  if (!reading.ok && !reading.version) return { ok: false, code: reading.findings[0]!.code, message: reading.findings[0]!.message, url };
  return { ok: true, xml, reading, url };
}
