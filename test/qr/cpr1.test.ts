/** CPR1 references (src/qr/cpr1.ts): the check of a fetched permit, the pluggable hash, and the URL of the permit. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkReferencedCredential, referenceCredentialUrl, type PermitReference } from '../../src/qr/cpr1.js';
import { decodePermitQr, encodePermitReference } from '../../src/qr/payload.js';
import { b64u, CPR1, HEADER_B64, JWT, PAYLOAD_B64, SIGNATURE } from './golden-payloads.js';

describe('references', () => {
  const reference = decodePermitQr(CPR1) as PermitReference & { ok: true };

  it('checkReferencedCredential accepts the very JWT and nothing else', async () => {
    expect(reference.sha256).toBe(createHash('sha256').update(JWT).digest('hex'));
    expect(await checkReferencedCredential(JWT, reference)).toEqual({ ok: true });
    const changed = `${HEADER_B64}.${PAYLOAD_B64}.${b64u(Buffer.from(SIGNATURE).reverse())}`;
    expect(await checkReferencedCredential(changed, reference)).toMatchObject({ ok: false, code: 'QR_REFERENCE_MISMATCH' });
    expect(await checkReferencedCredential(JWT, { ...reference, issuer: 'did:web:evil.example' })).toMatchObject({ ok: false, code: 'QR_REFERENCE_MISMATCH' });
    expect(await checkReferencedCredential(JWT, { ...reference, credentialId: 'urn:uuid:00000000-0000-0000-0000-000000000000' })).toMatchObject({ ok: false, code: 'QR_REFERENCE_MISMATCH' });
    expect(await checkReferencedCredential('<html>not found</html>', reference)).toMatchObject({ ok: false, code: 'QR_REFERENCE_MISMATCH' });
  });

  it('the hash is pluggable', async () => {
    const digest = async (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
    expect(await encodePermitReference(JWT, digest)).toBe(CPR1);
    expect(await checkReferencedCredential(JWT, reference, digest)).toEqual({ ok: true });
    await expect(encodePermitReference(JWT, async () => new Uint8Array(20))).rejects.toThrow(TypeError);
  });

  it('referenceCredentialUrl: did:web with a port or a path; nothing for other methods or odd hosts', () => {
    const id = 'urn:uuid:6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60';
    expect(referenceCredentialUrl({ issuer: 'did:web:localhost%3A8443', credentialId: id })).toBe('http://localhost:8443/credentials/6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60');
    expect(referenceCredentialUrl({ issuer: 'did:web:cites.example.org:lk', credentialId: id })).toBe('https://cites.example.org/lk/credentials/6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60');
    expect(referenceCredentialUrl({ issuer: 'did:key:z6Mk', credentialId: id })).toBeUndefined();
    expect(referenceCredentialUrl({ issuer: 'did:web:evil.example%2Fx%40cites.dwc.gov.lk', credentialId: id })).toBeUndefined();
  });
});
