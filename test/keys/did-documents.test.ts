/**
 * The authority's DID document across a rotation and a revocation (issue 9 §6), in process
 * with the clock pinned: its exact shape, and the same documents and key list whether the
 * agent is opened with Veramo (open.ts) or read from its store (open-readonly.ts), although
 * the two get the keys in different orders.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAgent } from '../../src/agent/wiring/open.js';
import { openReadOnly } from '../../src/agent/wiring/open-readonly.js';
import { buildDidDocument, exchangeDocumentOptions } from '../../src/agent/identity/did-document.js';
import { readStoredIdentity } from '../../src/agent/identity/stored-identities.js';
import { loadConfig } from '../../src/agent/config/config.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { committedReads } from '../../src/store/unit-of-work.js';
import { initAuthority } from '../helpers/agent-process.js';

const ROTATED_AT = '2026-03-01T10:00:00.000Z';
const REVOKED_AT = '2026-03-02T10:00:00.000Z';
const COMPROMISED_SINCE = '2026-02-20T00:00:00.000Z';
const at = (iso: string) => () => new Date(iso);
const x = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');

async function withAgent<T>(config: string, now: string, fn: (saiga: Awaited<ReturnType<typeof openAgent>>) => Promise<T>): Promise<T> {
  const saiga = await openAgent({ configPath: config, kind: 'sign', now: at(now) });
  try {
    return await fn(saiga as never);
  } finally {
    await saiga.close();
  }
}

describe('the DID document after key rotation and revocation', () => {
  it('keeps every key, lists only active ones for issuing and the current one for key agreement, and marks the revoked one', { timeout: 120_000 }, async () => {
    const { config, url, did } = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
    const [old] = await withAgent(config, ROTATED_AT, (saiga) => saiga.capabilities.keys.list());
    const rotated = await withAgent(config, ROTATED_AT, async (saiga) => {
      const outcome = await saiga.capabilities.keys.rotate('authority');
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.value;
    });
    expect(rotated).toMatchObject({ identity: 'authority', did, state: 'current', addedAt: ROTATED_AT });

    const afterRotation = await withAgent(config, ROTATED_AT, async (saiga) => saiga.didDocument);
    expect(afterRotation.assertionMethod).toEqual([old!.kid, rotated.kid]);
    expect(afterRotation.authentication).toEqual([old!.kid, rotated.kid]);
    expect(afterRotation.keyAgreement).toEqual([`${rotated.kid}-x25519`]);

    const revocation = await withAgent(config, REVOKED_AT, async (saiga) => saiga.capabilities.keys.revoke(old!.kid, { compromisedSince: new Date(COMPROMISED_SINCE) }));
    expect(revocation).toMatchObject({ ok: true, value: { key: { kid: old!.kid, state: 'revoked', revokedAt: REVOKED_AT, compromisedSince: COMPROMISED_SINCE }, current: { kid: rotated.kid } } });

    await withAgent(config, REVOKED_AT, async (saiga) => {
      const jwk = (hex: string) => ({ kty: 'OKP', crv: 'Ed25519', x: x(hex) });
      expect(saiga.didDocument).toEqual({
        '@context': [
          'https://www.w3.org/ns/did/v1',
          'https://w3id.org/security/suites/jws-2020/v1',
          {
            revoked: { '@id': 'https://w3id.org/security#revoked', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
            compromisedSince: { '@id': 'https://w3id.org/saiga/v1#compromisedSince', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
          },
        ],
        id: did,
        verificationMethod: [
          { id: old!.kid, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk(old!.publicKeyHex), revoked: REVOKED_AT, compromisedSince: COMPROMISED_SINCE },
          { id: rotated.kid, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk(rotated.publicKeyHex) },
          { id: `${rotated.kid}-x25519`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: { kty: 'OKP', crv: 'X25519', x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) } },
        ],
        assertionMethod: [rotated.kid],
        authentication: [rotated.kid],
        keyAgreement: [`${rotated.kid}-x25519`],
        service: [{ id: `${did}#didcomm`, type: 'DIDCommMessaging', serviceEndpoint: { uri: `${url}/didcomm`, accept: ['didcomm/v2'], routingKeys: [] } }],
      });
      // Method ids are the key's thumbprint: the same before and after (what old permits name in their kid).
      expect(old!.kid).toMatch(new RegExp(`^${did.replace(/[.%]/g, '\\$&')}#key-[A-Za-z0-9_-]{8}$`));

      // The read-only path (the store's copy of Veramo's keys, in another order) builds the same documents.
      const loaded = loadConfig(config);
      const db = await SqliteDatabase.open(join(loaded.baseDir, 'data', 'agent.sqlite'));
      try {
        const reads = committedReads(db);
        for (const [role, document] of [['authority', saiga.didDocument], ['customs', saiga.customsDidDocument]] as const) {
          const stored = await readStoredIdentity(reads.identities, loaded, role);
          const states = await reads.signingKeys.forDid(stored.did);
          const options = role === 'authority' ? exchangeDocumentOptions(stored.did, loaded.saiga.url, states) : { states };
          expect(await buildDidDocument(stored.did, stored.keys, options)).toEqual(document);
        }
      } finally {
        await db.close();
      }
      const readOnly = await openReadOnly({ configPath: config });
      try {
        expect(await readOnly.capabilities.keys.list()).toEqual(await saiga.capabilities.keys.list());
      } finally {
        await readOnly.close();
      }
    });
  });

  it('a running agent whose key another process revoked refuses to sign with it, and says to restart', { timeout: 120_000 }, async () => {
    const { config, did } = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
    const running = await openAgent({ configPath: config, kind: 'sign', now: at(ROTATED_AT) });
    try {
      const credential = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], issuer: { id: did }, issuanceDate: ROTATED_AT, credentialSubject: { id: 'urn:uuid:1', note: 'key test' } };
      const signed = await running.capabilities.signAs('authority').sign(credential);
      const [old] = await running.capabilities.keys.list();
      expect(JSON.parse(Buffer.from(signed.split('.')[0]!, 'base64url').toString('utf8')).kid).toBe(old!.kid);
      // Another process (the CLI) rotates and revokes the key the running agent signs with.
      await withAgent(config, ROTATED_AT, (saiga) => saiga.capabilities.keys.rotate('authority'));
      const revoked = await withAgent(config, REVOKED_AT, (saiga) => saiga.capabilities.keys.revoke(old!.kid, {}));
      expect(revoked.ok).toBe(true);
      await expect(running.capabilities.signAs('authority').sign(credential)).rejects.toThrow(
        `the signing key ${old!.kid} of ${did} was revoked at ${REVOKED_AT} by another process: restart the agent so that it signs with its current key`,
      );
    } finally {
      await running.close();
    }
  });

  it('refuses to rotate a did:key identity → KEY_ROTATION_UNSUPPORTED, nothing changed', { timeout: 120_000 }, async () => {
    const { config } = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', didMethod: 'key' });
    await withAgent(config, ROTATED_AT, async (saiga) => {
      const before = await saiga.capabilities.keys.list();
      const outcome = await saiga.capabilities.keys.rotate('authority');
      expect(outcome).toMatchObject({ ok: false, code: 'KEY_ROTATION_UNSUPPORTED' });
      expect(await saiga.capabilities.keys.list()).toEqual(before);
    });
  });
});
