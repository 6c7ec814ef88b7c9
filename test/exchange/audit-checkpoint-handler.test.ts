/**
 * The audit-checkpoint handler verifies a peer's checkpoint at receipt (issue 10 §3): the
 * witness keeps only what the sender really signed. A real Ed25519 key signs real compact
 * JWSs; the sender's DID document is given as its resolver would. One golden checkpoint, and
 * one mutation per defect, each refused with its exact code and message.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditCheckpointHandler } from '../../src/exchange/handlers/audit-checkpoint.js';
import type { ReceivedMessage } from '../../src/exchange/ports.js';
import { nodeCryptoSuite } from '../../src/verification/node-signature.js';
import type { DidResolution } from '../../src/verify/types.js';

const LK = 'did:web:cites.dwc.gov.lk';
const KID = `${LK}#key-1`;
const OLD_KID = `${LK}#key-0`;
const claim = { kind: 'checkpoint', seq: 1000, hash: 'a'.repeat(64), at: '2026-11-30T10:00:00.000Z' };

const keyPair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { x: (publicKey.export({ format: 'jwk' }) as { x: string }).x, privateKey };
};
const current = keyPair();
const retired = keyPair();
const stranger = keyPair();

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function jws(kid: string, key: ReturnType<typeof keyPair>, payload: Record<string, unknown> = { iss: LK, vc: { type: ['VerifiableCredential', 'SaigaAuditCheckpoint'], credentialSubject: { auditCheckpoint: claim } } }): string {
  const input = `${b64({ alg: 'EdDSA', kid })}.${b64(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), key.privateKey).toString('base64url')}`;
}

const method = (id: string, x: string, extra: Record<string, unknown> = {}) => ({ id, type: 'JsonWebKey2020', controller: LK, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x }, ...extra });
/** key-1 issues; key-0 was revoked on 2026-11-20, compromised since 2026-11-15. */
const document = {
  id: LK,
  verificationMethod: [method(KID, current.x), method(OLD_KID, retired.x, { revoked: '2026-11-20T00:00:00Z', compromisedSince: '2026-11-15T00:00:00Z' })],
  assertionMethod: [KID],
  authentication: [KID],
};
const resolved = async (did: string): Promise<DidResolution> =>
  did === LK ? { didResolutionMetadata: {}, didDocument: document as never, didDocumentMetadata: {} } : { didResolutionMetadata: { error: 'notFound' }, didDocument: null, didDocumentMetadata: {} };

const handler = auditCheckpointHandler({ resolveDid: resolved, signatureSuite: nodeCryptoSuite });
const message = (checkpoint: string, from = LK) => ({ id: 'urn:uuid:1', type: 'audit-checkpoint', from, body: { checkpoint }, receivedAt: new Date('2026-12-01T00:00:00Z') }) as unknown as ReceivedMessage<'auditCheckpoint'>;
const invalid = (detail: string) => ({ ok: false, code: 'EXCHANGE_BODY_INVALID', message: `The message body does not match the schema of its type. ${detail}`, path: '/checkpoint' });

describe('audit-checkpoint at receipt', () => {
  it('accepts a checkpoint signed by the sender\'s issuing key', async () => {
    expect(await handler.check(message(jws(KID, current)))).toEqual({ ok: true, checked: claim });
  });

  it('accepts one signed before the compromise with a key since retired', async () => {
    const before = { ...claim, at: '2026-11-10T00:00:00.000Z' };
    const signed = jws(OLD_KID, retired, { iss: LK, vc: { type: ['VerifiableCredential', 'SaigaAuditCheckpoint'], credentialSubject: { auditCheckpoint: before } } });
    expect(await handler.check(message(signed))).toEqual({ ok: true, checked: before });
  });

  it('refuses a checkpoint whose signature is not the key\'s (forged with another key under the sender\'s kid)', async () => {
    expect(await handler.check(message(jws(KID, stranger)))).toEqual(invalid("The checkpoint's signature cannot be accepted: the signature does not verify."));
  });

  it('refuses a checkpoint whose claim was altered after signing', async () => {
    const [h, , s] = jws(KID, current).split('.');
    const altered = b64({ iss: LK, vc: { type: ['VerifiableCredential', 'SaigaAuditCheckpoint'], credentialSubject: { auditCheckpoint: { ...claim, hash: 'b'.repeat(64) } } } });
    expect(await handler.check(message(`${h}.${altered}.${s}`))).toEqual(invalid("The checkpoint's signature cannot be accepted: the signature does not verify."));
  });

  it('refuses one signed with a kid the document does not list', async () => {
    expect(await handler.check(message(jws(`${LK}#key-9`, current)))).toEqual(invalid(`The checkpoint's signature cannot be accepted: signed with ${LK}#key-9, not a key of ${LK}.`));
  });

  it('refuses one signed with the retired key after its compromise', async () => {
    expect(await handler.check(message(jws(OLD_KID, retired)))).toEqual(
      invalid(`The checkpoint's signature cannot be accepted: signed after ${OLD_KID} was compromised (2026-11-15T00:00:00.000Z).`),
    );
  });

  it('answers a retryable refusal when the sender\'s DID document cannot be read now', async () => {
    const down = auditCheckpointHandler({ resolveDid: async () => ({ didResolutionMetadata: { error: 'notFound' }, didDocument: null, didDocumentMetadata: {} }), signatureSuite: nodeCryptoSuite });
    expect(await down.check(message(jws(KID, current)))).toEqual({
      ok: false,
      code: 'EXCHANGE_SENDER_UNRESOLVABLE',
      message: "The sending authority's DID document could not be read; the message cannot be authenticated.",
      retryable: true,
    });
  });
});
