/** parseVerifierInput (src/qr/input.ts): links from any host, bare payloads, raw VC-JWTs, references, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { decodeBase43, encodeBase43 } from '../../src/qr/base43.js';
import type { PermitReference } from '../../src/qr/cpr1.js';
import { parseVerifierInput } from '../../src/qr/input.js';
import { permitQrLink } from '../../src/qr/link.js';
import { decodePermitQr } from '../../src/qr/payload.js';
import { codeOf, CP2, CPR1, JWT } from './golden-payloads.js';

describe('parseVerifierInput', () => {
  it('a link of the issuing agent, in upper case (as printed) or lower case (as some phones pass it on)', () => {
    const link = permitQrLink('https://cites.dwc.gov.lk', CP2);
    expect(link).toBe(`HTTPS://CITES.DWC.GOV.LK/VERIFY#${CP2}`);
    expect(parseVerifierInput(link)).toEqual({ ok: true, kind: 'qr', jwt: JWT, linkOrigin: 'https://cites.dwc.gov.lk' });
    expect(parseVerifierInput(link.toLowerCase())).toEqual({ ok: true, kind: 'qr', jwt: JWT, linkOrigin: 'https://cites.dwc.gov.lk' });
  });

  it('a link from any other host, path, port or query, and a percent-encoded fragment', () => {
    for (const prefix of ['https://verifier.example.net/#', 'HTTP://LOCALHOST:8080/VERIFY#', 'https://cites.example.org/lk/verify/?lang=fr#', 'cites.dwc.gov.lk/VERIFY#']) {
      const r = parseVerifierInput(prefix + CP2);
      expect(r.ok && r.kind === 'qr' && r.jwt, prefix).toBe(JWT);
    }
    expect(parseVerifierInput(`https://x.example/#${encodeURIComponent(CP2)}`)).toMatchObject({ ok: true, kind: 'qr', jwt: JWT, linkOrigin: 'https://x.example' });
    expect(parseVerifierInput('https://x.example/#%E0%A4%A')).toMatchObject({ ok: false, code: 'QR_MALFORMED' });
  });

  it('a raw VC-JWT, bare or in a link, passes through for the verifier to check', () => {
    expect(parseVerifierInput(`  ${JWT}\n`)).toEqual({ ok: true, kind: 'jwt', jwt: JWT });
    expect(parseVerifierInput(`https://anything.example/verify#${JWT}`)).toEqual({ ok: true, kind: 'jwt', jwt: JWT, linkOrigin: 'https://anything.example' });
  });

  it('a reference, with the URL its did:web issuer serves the permit at', () => {
    const ref = decodePermitQr(CPR1) as PermitReference;
    const uuid = ref.credentialId.slice('urn:uuid:'.length);
    const webRef = { ...ref, issuer: 'did:web:cites.dwc.gov.lk' };
    const payload = `CPR1:${encodeBase43(Uint8Array.from([...decodeBase43(CPR1.slice(5))!.subarray(0, 48), ...new TextEncoder().encode(webRef.issuer)]))}`;
    expect(parseVerifierInput(permitQrLink('https://cites.dwc.gov.lk', payload))).toEqual({
      ok: true,
      kind: 'reference',
      ...webRef,
      credentialUrl: `https://cites.dwc.gov.lk/credentials/${uuid}`,
      linkOrigin: 'https://cites.dwc.gov.lk',
    });
    // did:key has no agent URL.
    expect(parseVerifierInput(CPR1)).toEqual({ ok: true, kind: 'reference', ...ref });
  });

  it('refuses what is not a permit, and text longer than anything it reads', () => {
    expect(codeOf(parseVerifierInput(''))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput('   '))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput('https://cites.dwc.gov.lk/verify'))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput('https://cites.dwc.gov.lk/verify#'))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput('WIFI:S:network;T:WPA;P:secret;;'))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput(`https://x.example/#CP9:${CP2.slice(4)}`))).toBe('QR_UNKNOWN_VERSION');
    expect(codeOf(parseVerifierInput('A'.repeat(70_000)))).toBe('QR_TOO_LARGE');
    expect(codeOf(parseVerifierInput(undefined as unknown as string))).toBe('QR_NOT_A_PERMIT');
  });
});
