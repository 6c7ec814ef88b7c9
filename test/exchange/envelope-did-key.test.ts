/**
 * The envelope with a did:key authority, whose DID document (built by its resolver) names no
 * DIDCommMessaging service: its peers give its endpoint in agent.yml (saiga.trust.peers[].endpoint).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_TYPES } from '../../src/exchange/message-types.js';
import type { OutgoingMessage } from '../../src/exchange/ports.js';
import { envelopeAuthority, type EnvelopeAuthority } from './envelope-agents.js';

const T0 = new Date('2026-12-02T10:00:00Z');
const now = () => T0;

function statusChanged(to: string): OutgoingMessage {
  return { id: `urn:uuid:${crypto.randomUUID()}`, type: MESSAGE_TYPES.statusChanged, to, body: { permitNumber: 'KE26-E000007', status: 'revoked' } } as unknown as OutgoingMessage;
}

describe('a did:key authority, whose DID document names no service', () => {
  let keyed: EnvelopeAuthority;
  let web: EnvelopeAuthority;
  let other: EnvelopeAuthority;
  const endpoint = 'http://127.0.0.1:9/didcomm';

  beforeAll(async () => {
    keyed = await envelopeAuthority('KE', 'Kenya Wildlife Service', { didMethod: 'key', now });
    web = await envelopeAuthority('TZ', 'Wildlife Division, Tanzania', { now, peers: [{ did: keyed.did, country: 'KE', name: 'Kenya Wildlife Service', endpoint }] });
    other = await envelopeAuthority('LK', 'Department of Wildlife Conservation', { now });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([keyed?.close(), web?.close(), other?.close()]);
  });

  it('is sent to the endpoint agent.yml gives it, and opens what it receives', async () => {
    expect(keyed.did.startsWith('did:key:')).toBe(true);
    const message = statusChanged(keyed.did);
    const packed = await web.saiga.capabilities.envelope.pack(message);
    expect(packed.endpoint).toBe(endpoint);
    const opened = await keyed.saiga.capabilities.envelope.open(packed.packed, T0);
    expect(opened.ok && [opened.id, opened.from, opened.to]).toEqual([message.id, web.did, [keyed.did]]);
  });

  it('packs for a did:web peer, which opens it', async () => {
    const packed = await keyed.saiga.capabilities.envelope.pack(statusChanged(web.did));
    expect(packed.endpoint).toBe(`${web.url}/didcomm`);
    const opened = await web.saiga.capabilities.envelope.open(packed.packed, T0);
    expect(opened.ok && opened.from).toBe(keyed.did);
  });

  it('cannot be sent to by an authority whose agent.yml gives it no endpoint', async () => {
    await expect(other.saiga.capabilities.envelope.pack(statusChanged(keyed.did))).rejects.toThrow(`${keyed.did} names no DIDCommMessaging service and agent.yml gives it no endpoint`);
  });
});
