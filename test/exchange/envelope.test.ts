/**
 * The exchange's envelope (src/agent/wiring/didcomm-envelope.ts) between real authorities:
 * each opened with its own SQLite key store, its did:web document served over loopback http.
 * Every refusal of Decision 1 has its own case and its exact code; the clock is pinned.
 */
import { DIDComm } from '@veramo/did-comm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_CODES } from '../../src/codes.js';
import { MESSAGE_TYPES } from '../../src/exchange/message-types.js';
import type { OutgoingMessage } from '../../src/exchange/ports.js';
import type { VeramoAgent } from '../../src/agent/wiring/signer.js';
import { envelopeAuthority, type EnvelopeAuthority } from './envelope-agents.js';

const T0 = new Date('2026-12-02T10:00:00Z');
const T0_SECONDS = T0.getTime() / 1000;
const clock = { now: T0 };
const now = () => clock.now;

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

function statusChanged(to: string, id = `urn:uuid:${crypto.randomUUID()}`): OutgoingMessage {
  return {
    id,
    type: MESSAGE_TYPES.statusChanged,
    to,
    thid: 'urn:uuid:5f0c6a52-8f8e-4a43-9d4e-3c1b2a1f0e01',
    body: { permitNumber: 'LK26-E000042', credentialId: 'urn:uuid:5f0c6a52-8f8e-4a43-9d4e-3c1b2a1f0e01', status: 'revoked', reason: 'lost', at: T0.toISOString() },
  } as unknown as OutgoingMessage;
}

const AUTHCRYPT = { alg: 'ECDH-1PU+A256KW', enc: 'A256CBC-HS512' } as const;

/** A message packed by `from`'s Veramo agent exactly as given (what another implementation, or an attacker, could send). */
async function packAs(from: EnvelopeAuthority, message: Record<string, unknown>, packing: 'authcrypt' | 'anoncrypt' | 'jws' | 'none', options: Record<string, unknown> = AUTHCRYPT): Promise<string> {
  const plaintext = { id: `urn:uuid:${crypto.randomUUID()}`, type: MESSAGE_TYPES.statusChanged, from: from.did, body: {}, ...message };
  const packed = await from.saiga.veramo.packDIDCommMessage({ packing, message: plaintext as never, ...(packing !== 'none' && packing !== 'jws' && { options }) });
  return packed.message;
}

function protectedHeader(packed: string): Record<string, unknown> {
  return JSON.parse(Buffer.from((JSON.parse(packed) as { protected: string }).protected, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function expectRefusal(at: EnvelopeAuthority, raw: string, code: keyof typeof EXCHANGE_CODES, when = T0) {
  const opened = await at.saiga.capabilities.envelope.open(raw, when);
  expect(opened.ok).toBe(false);
  if (opened.ok) return;
  expect(opened.code).toBe(code);
  expect(opened.message.startsWith(EXCHANGE_CODES[code])).toBe(true);
  return opened;
}

describe('pack and open between two authorities', () => {
  it('LK packs a message for CH that CH opens: authcrypt, A256CBC-HS512, sent by LK, addressed to CH, valid 300 s', async () => {
    const message = statusChanged(ch.did);
    const packed = await lk.saiga.capabilities.envelope.pack(message);
    expect(packed.endpoint).toBe(`${ch.url}/didcomm`);
    expect(packed.mediaType).toBe('application/didcomm-encrypted+json');
    const header = protectedHeader(packed.packed);
    expect(header.enc).toBe('A256CBC-HS512');
    expect(header.typ).toBe('application/didcomm-encrypted+json');
    expect(header.skid).toBe(lk.saiga.didDocument.keyAgreement![0]);
    const recipients = (JSON.parse(packed.packed) as { recipients: { header: { kid: string; alg?: string } }[] }).recipients;
    expect(recipients.map((r) => r.header.kid)).toEqual(ch.saiga.didDocument.keyAgreement);
    expect([header.alg, ...recipients.map((r) => r.header.alg)].filter(Boolean)).toContain('ECDH-1PU+A256KW');
    expect(packed.packed).not.toContain('LK26-E000042');

    const opened = await ch.saiga.capabilities.envelope.open(packed.packed, T0);
    expect(opened).toEqual({
      ok: true,
      id: message.id,
      type: MESSAGE_TYPES.statusChanged,
      from: lk.did,
      to: [ch.did],
      body: message.body,
      thid: message.thid,
      createdAt: T0,
      expiresAt: new Date(T0.getTime() + 300_000),
    });
  });

  it('CH packs for LK, and LK opens it, within ±300 s of its creation', async () => {
    const message = statusChanged(lk.did);
    const { packed } = await ch.saiga.capabilities.envelope.pack(message);
    for (const when of [T0, new Date(T0.getTime() + 299_000), new Date(T0.getTime() - 300_000)]) {
      const opened = await lk.saiga.capabilities.envelope.open(packed, when);
      expect(opened.ok && opened.from).toBe(ch.did);
    }
  });

  it('the recipient reads its own DID document locally: opening and packing work while its public URL is down', async () => {
    const { packed } = await ch.saiga.capabilities.envelope.pack(statusChanged(no.did));
    await no.stopServing();
    try {
      const opened = await no.saiga.capabilities.envelope.open(packed, T0);
      expect(opened.ok && opened.from).toBe(ch.did);
      const back = await no.saiga.capabilities.envelope.pack(statusChanged(ch.did));
      expect((await ch.saiga.capabilities.envelope.open(back.packed, T0)).ok).toBe(true);
    } finally {
      await no.serve();
    }
  });
});

describe('open refuses, with its code', () => {
  it.each([
    ['an empty body', ''],
    ['text', 'hello'],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['an empty object', '{}'],
    ['a protected header that is not base64url JSON', JSON.stringify({ protected: '!!', ciphertext: 'a', iv: 'b', tag: 'c', recipients: [{}] })],
    ['a JWE of an unknown typ', JSON.stringify({ protected: Buffer.from('{"typ":"application/jose"}').toString('base64url'), ciphertext: 'a', iv: 'b', tag: 'c', recipients: [{}] })],
    ['an encrypted typ without ciphertext', JSON.stringify({ protected: Buffer.from('{"typ":"application/didcomm-encrypted+json","skid":"did:web:x#k"}').toString('base64url') })],
  ])('%s: EXCHANGE_MESSAGE_MALFORMED', async (_, raw) => {
    await expectRefusal(ch, raw, 'EXCHANGE_MESSAGE_MALFORMED');
  });

  it('something other than text (a route handing over a parsed body): EXCHANGE_MESSAGE_MALFORMED, no exception', async () => {
    for (const raw of [undefined, null, 42, { protected: 'x' }]) await expectRefusal(ch, raw as unknown as string, 'EXCHANGE_MESSAGE_MALFORMED');
  });

  it("a skid that names no key-agreement key of LK's document (fetched again, still absent): EXCHANGE_SENDER_MISMATCH", async () => {
    const { packed } = await lk.saiga.capabilities.envelope.pack(statusChanged(ch.did));
    const jwe = JSON.parse(packed) as { protected: string };
    const header = { ...protectedHeader(packed), skid: `${lk.did}#key-nothere-x25519` };
    jwe.protected = Buffer.from(JSON.stringify(header)).toString('base64url');
    const refused = await expectRefusal(ch, JSON.stringify(jwe), 'EXCHANGE_SENDER_MISMATCH');
    expect(refused?.message).toContain(`${lk.did}#key-nothere-x25519 is not a key-agreement key of ${lk.did}`);
  });

  it('a plaintext message claiming to come from LK: EXCHANGE_NOT_AUTHCRYPT', async () => {
    await expectRefusal(ch, await packAs(lk, { to: [ch.did], created_time: T0_SECONDS }, 'none'), 'EXCHANGE_NOT_AUTHCRYPT');
  });

  it('an anoncrypt message (the sender unauthenticated): EXCHANGE_NOT_AUTHCRYPT', async () => {
    await expectRefusal(ch, await packAs(lk, { to: [ch.did], created_time: T0_SECONDS }, 'anoncrypt', { enc: 'A256CBC-HS512' }), 'EXCHANGE_NOT_AUTHCRYPT');
  });

  it('a signed but unencrypted (JWS) message: EXCHANGE_NOT_AUTHCRYPT', async () => {
    await expectRefusal(ch, await packAs(lk, { to: [ch.did], created_time: T0_SECONDS }, 'jws'), 'EXCHANGE_NOT_AUTHCRYPT');
  });

  it("authcrypt with Veramo's default A256GCM instead of A256CBC-HS512: EXCHANGE_NOT_AUTHCRYPT", async () => {
    await expectRefusal(ch, await packAs(lk, { to: [ch.did], created_time: T0_SECONDS }, 'authcrypt', { enc: 'A256GCM' }), 'EXCHANGE_NOT_AUTHCRYPT');
  });

  it('an altered ciphertext: EXCHANGE_DECRYPT_FAILED', async () => {
    const { packed } = await lk.saiga.capabilities.envelope.pack(statusChanged(ch.did));
    const jwe = JSON.parse(packed) as { ciphertext: string };
    const flipped = jwe.ciphertext[10] === 'A' ? 'B' : 'A';
    jwe.ciphertext = `${jwe.ciphertext.slice(0, 10)}${flipped}${jwe.ciphertext.slice(11)}`;
    await expectRefusal(ch, JSON.stringify(jwe), 'EXCHANGE_DECRYPT_FAILED');
  });

  it('a message encrypted for another authority (NO): EXCHANGE_DECRYPT_FAILED at CH', async () => {
    const { packed } = await lk.saiga.capabilities.envelope.pack(statusChanged(no.did));
    await expectRefusal(ch, packed, 'EXCHANGE_DECRYPT_FAILED');
    expect((await no.saiga.capabilities.envelope.open(packed, T0)).ok).toBe(true);
  });

  it('NO authcrypts with its own key but writes from: LK (the spoofing Veramo lets through): EXCHANGE_SENDER_MISMATCH', async () => {
    const spoofed = await spoofAs(no, lk.did, ch.did);
    expect((protectedHeader(spoofed).skid as string).startsWith(`${no.did}#`)).toBe(true);
    // Veramo itself unpacks it as authcrypt from LK:
    const unpacked = await ch.saiga.veramo.unpackDIDCommMessage({ message: spoofed });
    expect([unpacked.metaData.packing, unpacked.message.from]).toEqual(['authcrypt', lk.did]);
    const refused = await expectRefusal(ch, spoofed, 'EXCHANGE_SENDER_MISMATCH');
    expect(refused?.retryable).toBeUndefined();
  });

  it('a sender whose DID document cannot be read: EXCHANGE_SENDER_UNRESOLVABLE, retryable', async () => {
    const gone = await envelopeAuthority('KE', 'Kenya Wildlife Service', { now });
    try {
      const { packed } = await gone.saiga.capabilities.envelope.pack(statusChanged(ch.did));
      await gone.stopServing();
      const refused = await expectRefusal(ch, packed, 'EXCHANGE_SENDER_UNRESOLVABLE');
      expect(refused?.retryable).toBe(true);
    } finally {
      await gone.close();
    }
  });

  it('a message CH can decrypt (a bcc) but addressed to NO only: EXCHANGE_MISADDRESSED', async () => {
    const raw = await packAs(lk, { to: [no.did], created_time: T0_SECONDS, expires_time: T0_SECONDS + 300 }, 'authcrypt', { ...AUTHCRYPT, bcc: [ch.did] });
    await expectRefusal(ch, raw, 'EXCHANGE_MISADDRESSED');
  });

  it('opened after its expires_time (packed at T0, opened at T0 + 301 s): EXCHANGE_MESSAGE_EXPIRED', async () => {
    const { packed } = await lk.saiga.capabilities.envelope.pack(statusChanged(ch.did));
    await expectRefusal(ch, packed, 'EXCHANGE_MESSAGE_EXPIRED', new Date(T0.getTime() + 301_000));
  });

  it.each([
    ['created 301 s ago (a captured copy replayed)', { created_time: T0_SECONDS - 301, expires_time: T0_SECONDS + 3600 }],
    ['created 301 s in the future', { created_time: T0_SECONDS + 301, expires_time: T0_SECONDS + 3600 }],
    ['without created_time', { expires_time: T0_SECONDS + 300 }],
    ['with created_time as a string', { created_time: String(T0_SECONDS), expires_time: T0_SECONDS + 300 }],
  ])('a message %s: EXCHANGE_MESSAGE_STALE', async (_, times) => {
    await expectRefusal(ch, await packAs(lk, { to: [ch.did], ...times }, 'authcrypt'), 'EXCHANGE_MESSAGE_STALE');
  });
});

/**
 * `attacker` authcrypts with its own key a plaintext whose `from` is `victim`: Veramo's own packer,
 * given a context in which the attacker's identifier answers for the victim's DID.
 */
async function spoofAs(attacker: EnvelopeAuthority, victim: string, to: string): Promise<string> {
  const real = attacker.saiga.veramo;
  const agent = new Proxy(real, {
    get(target, property, receiver) {
      if (property === 'didManagerGet') {
        return async (args: { did: string }) => (args.did === victim ? { ...(await target.didManagerGet({ did: attacker.did })), did: victim } : target.didManagerGet(args));
      }
      if (property === 'resolveDid') {
        return async (args: { didUrl: string }) => target.resolveDid({ didUrl: args.didUrl.split('#')[0] === victim ? attacker.did : args.didUrl });
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as VeramoAgent;
  const message = { id: `urn:uuid:${crypto.randomUUID()}`, type: MESSAGE_TYPES.statusChanged, from: victim, to: [to], created_time: T0_SECONDS, expires_time: T0_SECONDS + 300, body: {} };
  const packed = await new DIDComm({ transports: [] }).packDIDCommMessage({ packing: 'authcrypt', message: message as never, options: AUTHCRYPT }, { agent } as never);
  return packed.message;
}
