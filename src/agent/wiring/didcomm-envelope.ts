/**
 * The exchange's envelope (src/exchange/ports.ts `Envelope`): DIDComm Messaging v2 authcrypt
 * with Veramo's @veramo/did-comm as the packer only (docs/exchange.md). Veramo's unpacking
 * decrypts and checks the sender key's part in the key agreement; what it leaves out is done
 * here, in this order, each refusal with its code (src/codes.ts EXCHANGE_CODES):
 *
 *  1. the outside: an authcrypt JWE, ECDH-1PU+A256KW with A256CBC-HS512 (./didcomm-packing.ts);
 *  2. the sender's DID document resolves and lists `skid` as a key-agreement key;
 *  3. it decrypts with this authority's key (so it was encrypted for us, and not altered);
 *  4. the `skid`'s DID is the plaintext `from` (DIDComm Messaging v2, "Sender Authenticated
 *     Encryption": skid identifies the sender; Veramo does not compare them, so any peer could
 *     authcrypt with its own key and write `from: A`);
 *  5. this authority's DID is in `to` (a message for someone else is not ours to act on);
 *  6. `expires_time` has not passed, and `created_time` lies within ±300 s of now: a message
 *     is packed anew at each send attempt, so an older one is a captured copy replayed;
 *  7. a batch (BATCH_MESSAGE_TYPE) is unfolded, and each attachment is held to 4–6 apart.
 *
 * Sending is not its job: the delivery worker POSTs `packed` to `endpoint` as `mediaType`.
 */
import { randomUUID } from 'node:crypto';
import type { DIDDocument } from 'did-resolver';
import type { IDIDCommMessage } from '@veramo/did-comm';
import type { PeerConfig } from '../config/config.js';
import { ConfigError } from '../config/yaml-loader.js';
import type { ExchangeRefusal, OpenedMessage, OutgoingMessage } from '../../exchange/ports.js';
import type { ExchangeEnvelope } from './capabilities.js';
import type { DidDocumentCache } from './didcomm-resolver.js';
import { peerEndpoint } from './didcomm-endpoint.js';
import { AUTHCRYPT_ALG, AUTHCRYPT_ENC, MEDIA_TYPE_ENCRYPTED, MEDIA_TYPE_PLAIN, readOutside, refusal } from './didcomm-packing.js';
import { BATCH_MESSAGE_TYPE } from '../../exchange/message-types.js';
import type { VeramoAgent } from './signer.js';

/** A message's lifetime from packing (`expires_time`), and how far `created_time` may be from now either way. */
export const MESSAGE_LIFETIME_SECONDS = 300;
export const FRESHNESS_SECONDS = 300;

export interface EnvelopeDeps {
  veramo: VeramoAgent;
  /** This authority's DID: the sender of what it packs, the recipient it accepts. */
  did: string;
  /** agent.yml's peers: the endpoint of a did:key peer. */
  peers: readonly Pick<PeerConfig, 'did' | 'endpoint'>[];
  now: () => Date;
  /** The resolver's cache (./didcomm-resolver.ts), when agent.yml names Saiga's resolver. */
  documents?: DidDocumentCache | undefined;
}

export function createEnvelope(deps: EnvelopeDeps): ExchangeEnvelope {
  const { veramo, did } = deps;
  const withoutDidcomm = missingDidcomm(veramo);

  async function resolve(didUrl: string): Promise<DIDDocument | undefined> {
    const result = await veramo.resolveDid({ didUrl });
    return result.didResolutionMetadata?.error || !result.didDocument ? undefined : result.didDocument;
  }

  async function prepare(to: string): Promise<{ endpoint: string; created: number }> {
    if (withoutDidcomm) throw withoutDidcomm;
    const document = await resolve(to);
    if (document === undefined) throw new Error(`the DID document of ${to} could not be resolved`);
    const endpoint = peerEndpoint(to, document, deps.peers);
    if (endpoint === undefined) throw new Error(`${to} names no DIDCommMessaging service and agent.yml gives it no endpoint`);
    return { endpoint, created: Math.floor(deps.now().getTime() / 1000) };
  }

  // DIDComm Messaging v2, "Message Headers": created_time and expires_time are integers, UTC epoch seconds (Veramo types them as strings).
  function plaintext(message: OutgoingMessage, created: number): Record<string, unknown> {
    return {
      id: message.id,
      type: message.type,
      from: did,
      to: [message.to],
      created_time: created,
      expires_time: created + MESSAGE_LIFETIME_SECONDS,
      body: message.body,
      ...(message.thid !== undefined && { thid: message.thid }),
    };
  }

  async function authcrypt(message: Record<string, unknown>): Promise<string> {
    const packed = await veramo.packDIDCommMessage({ packing: 'authcrypt', message: message as unknown as IDIDCommMessage, options: { alg: AUTHCRYPT_ALG, enc: AUTHCRYPT_ENC } });
    return packed.message;
  }

  return {
    async pack(message: OutgoingMessage) {
      const { endpoint, created } = await prepare(message.to);
      const packed = await authcrypt(plaintext(message, created));
      return { packed, endpoint, mediaType: MEDIA_TYPE_ENCRYPTED };
    },

    async packBatch(messages: readonly OutgoingMessage[]) {
      const to = messages[0]?.to;
      if (to === undefined || messages.length > MAX_BATCH_MESSAGES || messages.some((m) => m.to !== to)) {
        throw new TypeError(`a batch is 1 to ${MAX_BATCH_MESSAGES} messages to one recipient`);
      }
      const { endpoint, created } = await prepare(to);
      const batchId = randomUUID();
      const batch = {
        ...plaintext({ id: batchId, type: BATCH_MESSAGE_TYPE as OutgoingMessage['type'], to, body: {} as never }, created),
        attachments: messages.map((m) => ({ id: m.id, media_type: MEDIA_TYPE_PLAIN, data: { json: plaintext(m, created) } })),
      };
      const packed = await authcrypt(batch);
      return { packed, endpoint, mediaType: MEDIA_TYPE_ENCRYPTED, batchId };
    },

    async open(raw: string, now: Date): Promise<OpenedMessage | ExchangeRefusal> {
      // Not the sender's fault: it may send again once this agent's configuration is mended.
      if (withoutDidcomm) return refusal('EXCHANGE_DECRYPT_FAILED', withoutDidcomm.message, true);
      try {
        return await open(raw, now);
      } catch (error) {
        // Nothing below should throw; if Veramo does on input it did not foresee, the message is still refused, not the agent crashed.
        return refusal('EXCHANGE_DECRYPT_FAILED', error instanceof Error ? error.message : String(error));
      }
    },

    forgetDocument(peer: string) {
      deps.documents?.forget(peer);
    },
  };

  async function open(raw: string, now: Date): Promise<OpenedMessage | ExchangeRefusal> {
    const outside = readOutside(raw);
    if (!outside.ok) return outside;
    const { skid, senderDid } = outside;
    const senderDocument = await resolve(skid).catch(() => undefined);
    if (senderDocument === undefined) return refusal('EXCHANGE_SENDER_UNRESOLVABLE', senderDid, true);
    if (!listsKeyAgreement(senderDocument, senderDid, skid)) return refusal('EXCHANGE_SENDER_MISMATCH', `${skid} is not a key-agreement key of ${senderDid}`);

    let unpacked: { message: IDIDCommMessage; metaData: { packing: string } };
    try {
      unpacked = await veramo.unpackDIDCommMessage({ message: raw });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (reason.includes('could not resolve DID document')) return refusal('EXCHANGE_SENDER_UNRESOLVABLE', reason, true);
      return refusal('EXCHANGE_DECRYPT_FAILED', reason);
    }
    if (unpacked.metaData.packing !== 'authcrypt') return refusal('EXCHANGE_NOT_AUTHCRYPT', unpacked.metaData.packing);
    const message = unpacked.message as unknown as Record<string, unknown>;
    const opened = checkPlaintext(message, senderDid, did, now);
    if (!opened.ok || opened.type !== BATCH_MESSAGE_TYPE) return opened;
    return { ...opened, batch: unfoldBatch(message, senderDid, did, now) };
  }
}

/** The most messages one batch may carry (the sender's batchSize is bounded by it, config-schema.ts). */
export const MAX_BATCH_MESSAGES = 100;

/**
 * A batch's attachments, each checked as the message it is: the envelope authenticated the
 * batch's sender, so an attachment that claims another `from` is refused (as a message whose
 * skid is not its `from`'s would be), and so is one not addressed here, expired or stale.
 */
function unfoldBatch(batch: Record<string, unknown>, senderDid: string, did: string, now: Date): NonNullable<OpenedMessage['batch']> {
  const attachments = batch.attachments;
  if (!Array.isArray(attachments) || attachments.length === 0 || attachments.length > MAX_BATCH_MESSAGES) {
    return [refusal('EXCHANGE_MESSAGE_MALFORMED', `a batch carries 1 to ${MAX_BATCH_MESSAGES} attachments`)];
  }
  return attachments.map((attachment: unknown) => {
    const inner = (attachment as { data?: { json?: unknown } } | null)?.data?.json;
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return refusal('EXCHANGE_MESSAGE_MALFORMED', 'a batch attachment is not a plaintext message (data.json)');
    const message = inner as Record<string, unknown>;
    const id = typeof message.id === 'string' && message.id !== '' ? { id: message.id } : {};
    if (message.type === BATCH_MESSAGE_TYPE) return { ...refusal('EXCHANGE_MESSAGE_MALFORMED', 'a batch inside a batch'), ...id };
    const checked = checkPlaintext(message, senderDid, did, now);
    return checked.ok ? checked : { ...checked, ...id };
  });
}

/** Steps 4 to 6 of the header comment, for a message and for each attachment of a batch. */
function checkPlaintext(message: Record<string, unknown>, senderDid: string, did: string, now: Date): OpenedMessage | ExchangeRefusal {
  if (typeof message.id !== 'string' || typeof message.type !== 'string' || message.id === '' || message.type === '') {
    return refusal('EXCHANGE_MESSAGE_MALFORMED', 'the plaintext has no id or type');
  }
  if (message.from !== senderDid) return refusal('EXCHANGE_SENDER_MISMATCH', `encrypted by ${senderDid}, claims to come from ${String(message.from)}`);
  const to = Array.isArray(message.to) ? message.to.filter((entry): entry is string => typeof entry === 'string') : [];
  if (!to.some((entry) => entry.split('#')[0] === did)) return refusal('EXCHANGE_MISADDRESSED', `to ${JSON.stringify(message.to ?? null)}`);
  const nowSeconds = now.getTime() / 1000;
  const expires = message.expires_time;
  if (expires !== undefined && !isEpochSeconds(expires)) return refusal('EXCHANGE_MESSAGE_MALFORMED', 'expires_time is not an integer of seconds');
  if (expires !== undefined && nowSeconds > expires) return refusal('EXCHANGE_MESSAGE_EXPIRED', `expired at ${iso(expires)}`);
  const created = message.created_time;
  if (!isEpochSeconds(created)) return refusal('EXCHANGE_MESSAGE_STALE', 'no created_time');
  if (Math.abs(nowSeconds - created) > FRESHNESS_SECONDS) return refusal('EXCHANGE_MESSAGE_STALE', `created ${iso(created)}`);
  return {
    ok: true,
    id: message.id,
    type: message.type,
    from: senderDid,
    to,
    body: message.body,
    ...(typeof message.thid === 'string' && { thid: message.thid }),
    createdAt: new Date(created * 1000),
    ...(expires !== undefined && { expiresAt: new Date(expires * 1000) }),
  };
}

/**
 * The configuration error of an agent.yml written before the exchange, whose Veramo agent has no
 * DIDComm plugin; undefined when it has one. `saiga serve` refuses to start with it (open.ts);
 * commands that only sign keep working.
 */
export function missingDidcomm(veramo: Pick<VeramoAgent, 'availableMethods'>): ConfigError | undefined {
  const methods = veramo.availableMethods();
  if (methods.includes('packDIDCommMessage') && methods.includes('unpackDIDCommMessage')) return undefined;
  return new ConfigError('the Veramo agent has no DIDComm plugin, which the exchange needs: add { $require: "@veramo/did-comm#DIDComm", $args: [{ transports: [] }] } to its plugins, as `saiga init` writes them', '/agent/$args/0/plugins');
}

function isEpochSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** True when `skid` is under the document's keyAgreement (by reference or embedded). */
function listsKeyAgreement(document: DIDDocument, did: string, skid: string): boolean {
  const absolute = (id: string) => (id.startsWith('#') ? `${did}${id}` : id);
  return (document.keyAgreement ?? []).some((entry) => absolute(typeof entry === 'string' ? entry : entry.id) === skid);
}
