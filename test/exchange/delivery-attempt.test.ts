/**
 * One delivery attempt (src/exchange/delivery-attempt.ts) when the peer cannot decrypt the
 * message: it may have rotated its key since its DID document was cached here, so the
 * document is dropped and the message retried, DECRYPT_RETRIES times, then failed for good.
 */
import { describe, expect, it } from 'vitest';
import { attemptDelivery, DECRYPT_RETRIES } from '../../src/exchange/delivery-attempt.js';
import type { OutboxMessage } from '../../src/store/exchange-outbox.js';

const PEER = 'did:web:ch.example';
const refusal = { error: { code: 'EXCHANGE_DECRYPT_FAILED', message: 'unable to decrypt DIDComm message with any of the locally managed keys' } };

function attempt(attempts: number) {
  const forgotten: string[] = [];
  const message = { id: 'urn:uuid:m1', recipientDid: PEER, type: 'https://w3id.org/saiga/cites-exchange/1.0/permit-issued', subject: 'urn:uuid:p1', body: { permit: 'x' }, attempts } as unknown as OutboxMessage;
  const outcome = attemptDelivery(message, {
    envelope: { pack: async () => ({ packed: '{}', endpoint: 'http://ch.example/didcomm', mediaType: 'application/didcomm-encrypted+json' }), forgetDocument: (did) => void forgotten.push(did) },
    fetch: async () => ({ status: 400, text: async () => JSON.stringify(refusal) }),
    timeoutMs: 1000,
    stopped: new AbortController().signal,
  });
  return { outcome, forgotten };
}

describe('a peer that cannot decrypt the message', () => {
  it('drops the peer\'s cached DID document and retries, without counting it against the peer', async () => {
    const { outcome, forgotten } = attempt(0);
    expect(await outcome).toEqual({ outcome: 'retry', code: 'EXCHANGE_DECRYPT_FAILED', error: `HTTP 400: ${refusal.error.message}`, peerDown: false });
    expect(forgotten).toEqual([PEER]);
  });

  it(`fails for good after ${DECRYPT_RETRIES} attempts, with the peer's code`, async () => {
    expect(DECRYPT_RETRIES).toBe(2);
    const { outcome, forgotten } = attempt(DECRYPT_RETRIES);
    expect(await outcome).toEqual({ outcome: 'failed', code: 'EXCHANGE_DECRYPT_FAILED', error: `HTTP 400: ${refusal.error.message}` });
    expect(forgotten).toEqual([]);
  });
});
