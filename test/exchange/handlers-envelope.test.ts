/**
 * The handlers behind the real envelope: Sri Lanka issues a permit and packs permit-issued and
 * status-changed for Switzerland as DIDComm v2 authcrypt (src/agent/wiring/didcomm-envelope.ts);
 * Switzerland opens each message and hands the opened body and sender to its handlers, as its
 * inbox does. Both are real agents in this process (their own SQLite files and key stores), with
 * their did:web documents served on loopback ports. The inbox and the delivery worker come with
 * the outbox part; this shows what the envelope gives the handlers is what they need.
 */
import { nodeCryptoSuite } from '../../src/verification/node-signature.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeAuthority, type EnvelopeAuthority } from './envelope-agents.js';
import { handlersFor } from '../../src/exchange/handlers/index.js';
import { MESSAGE_TYPES, messageKindOf, type MessageKind } from '../../src/exchange/message-types.js';
import type { ExchangeRefusal, MessageHandler } from '../../src/exchange/ports.js';
import { example } from '../store/helpers.js';

let lk: EnvelopeAuthority;
let ch: EnvelopeAuthority;

beforeAll(async () => {
  lk = await envelopeAuthority('LK', 'Department of Wildlife Conservation');
  ch = await envelopeAuthority('CH', 'Federal Food Safety and Veterinary Office', { peers: [{ did: lk.did, country: 'LK', name: 'Department of Wildlife Conservation' }] });
}, 60_000);

afterAll(async () => {
  await ch?.close();
  await lk?.close();
});

/** LK packs `body` for CH; CH opens it and runs the handler of its type. */
async function deliver(kind: MessageKind, body: unknown, thid: string): Promise<{ ok: true } | ExchangeRefusal> {
  const packed = await lk.saiga.capabilities.envelope.pack({ id: randomUUID(), type: MESSAGE_TYPES[kind], to: ch.did, body: body as never, thid });
  expect(packed.mediaType).toBe('application/didcomm-encrypted+json');
  const opened = await ch.saiga.capabilities.envelope.open(packed.packed, new Date());
  if (!opened.ok) return opened;
  const saiga = ch.saiga;
  const handlers = handlersFor({
    authority: { did: saiga.identity.did, country: 'CH' },
    verify: (jwt, at) => saiga.verifier.verify(jwt, at),
    verifyEndorsement: saiga.verifier.verifyEndorsement,
    trusted: () => saiga.verifier.trustedIssuers,
    incomingPermits: saiga.store.reads.incomingPermits,
    now: () => new Date(),
    reads: saiga.store.reads,
    checkImportConfirmation: (input) => saiga.verifier.checkImportConfirmation(input),
    resolveDid: saiga.verifier.resolveDid,
    signatureSuite: nodeCryptoSuite,
  });
  const handler = handlers.get(messageKindOf(opened.type)!) as MessageHandler & { validate(body: unknown): ExchangeRefusal | undefined };
  const invalid = handler.validate(opened.body);
  if (invalid) return invalid;
  const message = { id: opened.id, kind: messageKindOf(opened.type)!, from: opened.from, body: opened.body as never, receivedAt: new Date() };
  const checked = await handler.check(message);
  if (!checked.ok) return checked;
  return saiga.store.transaction((work) => handler.apply(work, checked.checked, message));
}

describe('permit-issued and status-changed through DIDComm authcrypt', () => {
  it('CH keeps the permit LK sent, then its revocation', async () => {
    const issued = await lk.saiga.capabilities.issuance.issue(example('export-lk-orchids.json'), { signatory: 'Anoma Perera' });
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    const { record } = issued;
    expect(await deliver('permitIssued', { permit: record.jwt }, record.credentialId)).toEqual({ ok: true });
    const change = { permitNumber: record.permitNumber, credentialId: record.credentialId, status: 'revoked', reason: 'lost', changedAt: new Date().toISOString() };
    expect(await deliver('statusChanged', change, record.credentialId)).toEqual({ ok: true });
    const held = (await ch.saiga.store.reads.incomingPermits.get(record.credentialId))!;
    expect([held.issuerDid, held.permitNumber, held.relation, held.jwt, held.status, held.statusReason, held.state]).toEqual([
      lk.did,
      record.permitNumber,
      'import',
      record.jwt,
      'revoked',
      'lost',
      'revoked',
    ]);
  });

  it('a body broken in transit is refused by its schema with the pointer of the fault', async () => {
    expect(await deliver('statusChanged', { permitNumber: 'LK26-E000001', credentialId: 'urn:uuid:not-one', status: 'revoked', reason: 'lost', changedAt: new Date().toISOString() }, 'x')).toMatchObject({
      ok: false,
      code: 'EXCHANGE_BODY_INVALID',
      path: '/credentialId',
    });
  });
});
