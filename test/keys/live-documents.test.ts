/**
 * An open agent's own DID documents follow its key operations at once (issue 9 §6,
 * src/agent/identity/identity-documents.ts): what the routes serve (`identities.*.didDocument`),
 * what its verifier resolves, and what it signs with, in process with the clock pinned. Key
 * operations run one at a time, in the order they were asked for.
 */
import { describe, expect, it } from 'vitest';
import { openAgent } from '../../src/agent/wiring/open.js';
import { initAuthority } from '../helpers/agent-process.js';

const NOW = '2026-03-01T10:00:00.000Z';
const REVOKED_AT = '2026-03-02T10:00:00.000Z';
const LATER = '2026-03-03T10:00:00.000Z';
const kidOf = (jwt: string) => (JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string }).kid;

describe('the DID documents of an open agent', () => {
  it('show a rotation and a revocation at once, to the routes, the verifier and the signer; a refusal changes nothing', { timeout: 120_000 }, async () => {
    const { config, did } = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
    // Pinned, and moved on by the test: keys added at the same instant would be ordered by their public key.
    let clock = NOW;
    const saiga = await openAgent({ configPath: config, kind: 'sign', now: () => new Date(clock) });
    try {
      const { identities, keys, signAs } = saiga.capabilities;
      const credential = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], issuer: { id: did }, issuanceDate: NOW, credentialSubject: { id: 'urn:uuid:1', note: 'key test' } };
      const [old] = await keys.list();
      const start = identities.authority.didDocument;
      expect(start.assertionMethod).toEqual([old!.kid]);

      const rotated = await keys.rotate('authority', { name: 'Nirmala Silva' });
      if (!rotated.ok) throw new Error(rotated.message);
      const kid = rotated.value.kid;
      expect(identities.authority.didDocument.assertionMethod).toEqual([old!.kid, kid]);
      expect(identities.authority.didDocument.keyAgreement).toEqual([`${kid}-x25519`]);
      expect(saiga.didDocument).toBe(identities.authority.didDocument);
      expect((await saiga.verifier.resolveDid(did)).didDocument).toEqual(identities.authority.didDocument);
      expect(kidOf(await signAs('authority').sign(credential))).toBe(kid);

      // A refusal (the last active customs key) leaves every document as it was.
      const [customsKey] = (await keys.list()).filter((k) => k.identity === 'customs');
      const before = identities.customs.didDocument;
      expect(await keys.revoke(customsKey!.kid, {})).toMatchObject({ ok: false, code: 'LAST_ACTIVE_KEY' });
      expect(identities.customs.didDocument).toBe(before);

      clock = REVOKED_AT;
      const revoked = await keys.revoke(old!.kid, { actor: { name: 'Nirmala Silva' } });
      expect(revoked).toMatchObject({ ok: true, value: { key: { kid: old!.kid, state: 'revoked', revokedAt: REVOKED_AT }, current: { kid } } });
      expect(identities.authority.didDocument.assertionMethod).toEqual([kid]);
      expect(identities.authority.didDocument.verificationMethod?.find((m) => m.id === old!.kid)).toMatchObject({ revoked: REVOKED_AT });
      expect((await saiga.verifier.resolveDid(did)).didDocument?.assertionMethod).toEqual([kid]);

      clock = LATER;
      // Asked together: the rotation runs first, so the revocation of the then not-last key is accepted.
      const [third, revokedSecond] = await Promise.all([keys.rotate('authority'), keys.revoke(kid, {})]);
      expect(third).toMatchObject({ ok: true, value: { state: 'current' } });
      expect(revokedSecond).toMatchObject({ ok: true, value: { key: { kid, state: 'revoked' } } });
      const thirdKid = third.ok ? third.value.kid : '';
      expect(identities.authority.didDocument.assertionMethod).toEqual([thirdKid]);
      expect(kidOf(await signAs('authority').sign(credential))).toBe(thirdKid);

      // The customs identity has its own document.
      const customsRotated = await keys.rotate('customs');
      if (!customsRotated.ok) throw new Error(customsRotated.message);
      expect(identities.customs.didDocument.assertionMethod).toEqual([customsKey!.kid, customsRotated.value.kid]);
      expect(saiga.customsDidDocument.assertionMethod).toEqual([customsKey!.kid, customsRotated.value.kid]);
    } finally {
      await saiga.close();
    }
  });
});
