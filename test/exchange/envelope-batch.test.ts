/**
 * Batches (BATCH_MESSAGE_TYPE, src/agent/wiring/didcomm-envelope.ts): several messages to one
 * peer in one authcrypt envelope, each a plaintext message in an attachment. The envelope
 * authenticates the batch's sender once; each attachment is then held to the rules of a
 * message of its own (its `from`, `to`, expiry and freshness), and one that breaks them is
 * refused alone, with its code and its id, while the others go on. Real authorities, did:web
 * over loopback http, the clock pinned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_CODES } from '../../src/codes.js';
import { BATCH_MESSAGE_TYPE, MESSAGE_TYPES } from '../../src/exchange/message-types.js';
import type { BatchItemRefusal, OpenedMessage, OutgoingMessage } from '../../src/exchange/ports.js';
import { envelopeAuthority, type EnvelopeAuthority } from './envelope-agents.js';

const T0 = new Date('2026-12-02T10:00:00Z');
const T0_SECONDS = T0.getTime() / 1000;
const now = () => T0;

let lk: EnvelopeAuthority;
let ch: EnvelopeAuthority;
let no: EnvelopeAuthority;

beforeAll(async () => {
  [lk, ch, no] = await Promise.all([
    envelopeAuthority('LK', 'Department of Wildlife Conservation', { now }),
    envelopeAuthority('CH', 'Federal Food Safety and Veterinary Office', { now }),
    envelopeAuthority('NO', 'Norwegian Environment Agency', { now }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([lk, ch, no].map((authority) => authority?.close()));
});

function statusChanged(to: string, n: number): OutgoingMessage {
  const credentialId = `urn:uuid:00000000-0000-4000-8000-00000000000${n}`;
  return {
    id: `urn:uuid:10000000-0000-4000-8000-00000000000${n}`,
    type: MESSAGE_TYPES.statusChanged,
    to,
    thid: credentialId,
    body: { permitNumber: `LK26-E00000${n}`, credentialId, status: 'revoked', reason: 'lost', changedAt: T0.toISOString() },
  } as unknown as OutgoingMessage;
}

/** An attachment as LK's envelope writes one, with `edit` applied (what another implementation, or an attacker, could send). */
function attachment(to: string, n: number, edit: (m: Record<string, unknown>) => void = () => {}) {
  const m = statusChanged(to, n);
  const json: Record<string, unknown> = { id: m.id, type: m.type, from: lk.did, to: [to], thid: m.thid, created_time: T0_SECONDS, expires_time: T0_SECONDS + 300, body: m.body };
  edit(json);
  return { id: json.id, media_type: 'application/didcomm-plain+json', data: { json } };
}

/** A batch authcrypted by `from` exactly as given. */
async function batchFrom(from: EnvelopeAuthority, to: string, attachments: unknown): Promise<string> {
  const plaintext = { id: 'urn:uuid:20000000-0000-4000-8000-000000000001', type: BATCH_MESSAGE_TYPE, from: from.did, to: [to], created_time: T0_SECONDS, expires_time: T0_SECONDS + 300, body: {}, attachments };
  const packed = await from.saiga.veramo.packDIDCommMessage({ packing: 'authcrypt', message: plaintext as never, options: { alg: 'ECDH-1PU+A256KW', enc: 'A256CBC-HS512' } });
  return packed.message;
}

async function openBatch(raw: string): Promise<NonNullable<OpenedMessage['batch']>> {
  const opened = await ch.saiga.capabilities.envelope.open(raw, T0);
  if (!opened.ok) throw new Error(`refused: ${opened.code}`);
  expect(opened.type).toBe(BATCH_MESSAGE_TYPE);
  expect(opened.from).toBe(lk.did);
  return opened.batch!;
}

const refusalOf = (item: OpenedMessage | BatchItemRefusal) => (item.ok ? 'opened' : [item.code, item.id ?? null, item.message.startsWith(EXCHANGE_CODES[item.code])]);

describe('packBatch and open', () => {
  it('LK packs three messages for CH in one envelope; CH opens each as the message it is, in order', async () => {
    const messages = [1, 2, 3].map((n) => statusChanged(ch.did, n));
    const { packed, endpoint, mediaType, batchId } = await lk.saiga.capabilities.envelope.packBatch!(messages);
    expect([endpoint, mediaType]).toEqual([`${ch.url}/didcomm`, 'application/didcomm-encrypted+json']);
    expect(JSON.parse(packed).recipients).toHaveLength(1);
    const opened = await ch.saiga.capabilities.envelope.open(packed, T0);
    expect(opened).toMatchObject({ ok: true, id: batchId, type: BATCH_MESSAGE_TYPE, from: lk.did, to: [ch.did] });
    if (!opened.ok) return;
    expect(opened.batch).toEqual(
      messages.map((m) => ({ ok: true, id: m.id, type: m.type, from: lk.did, to: [ch.did], body: m.body, thid: m.thid, createdAt: T0, expiresAt: new Date(T0.getTime() + 300_000) })),
    );
  });

  it('refuses to pack an empty batch, more than 100 messages, or messages to two peers', async () => {
    const { packBatch } = lk.saiga.capabilities.envelope;
    await expect(packBatch!([])).rejects.toThrow(TypeError);
    await expect(packBatch!(Array.from({ length: 101 }, () => statusChanged(ch.did, 1)))).rejects.toThrow(TypeError);
    await expect(packBatch!([statusChanged(ch.did, 1), statusChanged(no.did, 2)])).rejects.toThrow(TypeError);
  });
});

describe('each attachment is checked on its own', () => {
  it('one claiming to come from NO: EXCHANGE_SENDER_MISMATCH for it alone (the envelope authenticated LK)', async () => {
    const items = await openBatch(await batchFrom(lk, ch.did, [attachment(ch.did, 1), attachment(ch.did, 2, (m) => (m.from = no.did)), attachment(ch.did, 3)]));
    expect(items.map(refusalOf)).toEqual(['opened', ['EXCHANGE_SENDER_MISMATCH', 'urn:uuid:10000000-0000-4000-8000-000000000002', true], 'opened']);
  });

  it('one addressed to NO: EXCHANGE_MISADDRESSED; one expired: EXCHANGE_MESSAGE_EXPIRED; one created 301 s ago: EXCHANGE_MESSAGE_STALE', async () => {
    const items = await openBatch(
      await batchFrom(lk, ch.did, [
        attachment(ch.did, 1, (m) => (m.to = [no.did])),
        attachment(ch.did, 2, (m) => (m.expires_time = T0_SECONDS - 1)),
        attachment(ch.did, 3, (m) => (m.created_time = T0_SECONDS - 301)),
        attachment(ch.did, 4),
      ]),
    );
    expect(items.map(refusalOf)).toEqual([
      ['EXCHANGE_MISADDRESSED', 'urn:uuid:10000000-0000-4000-8000-000000000001', true],
      ['EXCHANGE_MESSAGE_EXPIRED', 'urn:uuid:10000000-0000-4000-8000-000000000002', true],
      ['EXCHANGE_MESSAGE_STALE', 'urn:uuid:10000000-0000-4000-8000-000000000003', true],
      'opened',
    ]);
  });

  it('a batch inside a batch, an attachment without data.json, one without an id: EXCHANGE_MESSAGE_MALFORMED', async () => {
    const items = await openBatch(
      await batchFrom(lk, ch.did, [
        attachment(ch.did, 1, (m) => (m.type = BATCH_MESSAGE_TYPE)),
        { id: 'x', media_type: 'application/didcomm-plain+json', data: { base64: 'e30' } },
        attachment(ch.did, 3, (m) => delete m.id),
      ]),
    );
    expect(items.map(refusalOf)).toEqual([
      ['EXCHANGE_MESSAGE_MALFORMED', 'urn:uuid:10000000-0000-4000-8000-000000000001', true],
      ['EXCHANGE_MESSAGE_MALFORMED', null, true],
      ['EXCHANGE_MESSAGE_MALFORMED', null, true],
    ]);
  });

  it('no attachments, or more than 100: the whole batch is one EXCHANGE_MESSAGE_MALFORMED item', async () => {
    for (const attachments of [[], undefined, Array.from({ length: 101 }, (_, i) => attachment(ch.did, i % 10))]) {
      const items = await openBatch(await batchFrom(lk, ch.did, attachments));
      expect(items.map(refusalOf)).toEqual([['EXCHANGE_MESSAGE_MALFORMED', null, true]]);
    }
  });
});
