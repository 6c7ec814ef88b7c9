/**
 * The seams of the exchange, fixed so that its parts can be built apart (docs/exchange.md):
 *
 *   event (issue, status change, endorsement, import confirmation, key revocation)
 *     → ExchangeEvents.record(work, event)    same unit of work: the transactional outbox
 *     → DeliveryWorker                        packs at send time (Envelope.pack), POSTs, retries
 *     → POST /didcomm at the peer              Envelope.open: decrypt, sender key = `from`, addressed here, fresh
 *     → Inbox                                  trusted sender, known type, body schema, once per (from, id)
 *     → MessageHandler.check / apply           the credential inside verified with the core, then applied
 *                                              in the unit of work that records the message as received
 */
import type { ExchangeCode } from '../codes.js';
import type { UnitOfWork } from '../store/unit-of-work.js';
import type { PermitRecord } from '../store/permits.js';
import type { KeyRevokedBody, MessageBodies, MessageKind, MessageType, StatusChangedBody } from './message-types.js';

/** What happened here that peers must hear of; recorded in the transaction that made it happen. */
export type ExchangeEvent =
  /** A permit or certificate issued here (an import permit goes as `importPermit` to the exporting country). */
  | { kind: 'permitIssued'; record: PermitRecord }
  | { kind: 'statusChanged'; change: StatusChangedBody }
  /** An export endorsement of a permit issued here. */
  | { kind: 'exportEndorsed'; permitNumber: string; credentialId: string; jwt: string }
  /** An import confirmation made here, for a permit another authority issued. */
  | { kind: 'importConfirmed'; permitIssuerDid: string; permitCredentialId: string; jwt: string }
  | { kind: 'keyRevoked'; body: KeyRevokedBody }
  /** A signed checkpoint of this authority's audit trail (issue 10 §3): every trusted Management Authority keeps it as a witness. */
  | { kind: 'auditCheckpoint'; jws: string; seq: number };

/** The transactional outbox as the services that cause events see it. */
export interface ExchangeEvents {
  /** Writes the event's messages (none when no peer is concerned) through `work`: they commit with the event or not at all. */
  record(work: UnitOfWork, event: ExchangeEvent): Promise<void>;
}

/** One message as it leaves: its id stays the same across retries, so the receiver applies it once. */
export interface OutgoingMessage<K extends MessageKind = MessageKind> {
  id: string;
  type: MessageType;
  /** The recipient authority's DID. */
  to: string;
  body: MessageBodies[K];
  /** DIDComm `thid`: the permit's credential id, so that a permit's messages form one thread. */
  thid?: string;
}

/** A message whose envelope checked out: decrypted, sent by `from` (the authcrypt sender key is `from`'s), addressed here, fresh. */
export interface OpenedMessage {
  ok: true;
  id: string;
  type: string;
  from: string;
  to: string[];
  body: unknown;
  thid?: string;
  createdAt?: Date;
  expiresAt?: Date;
  /**
   * For a batch (BATCH_MESSAGE_TYPE): its attachments, in order, each checked as a message of
   * its own (sent by the batch's `from`, addressed here, fresh), or refused with the id it gave.
   */
  batch?: (OpenedMessage | BatchItemRefusal)[];
}

/** An attachment of a batch that is not a message this agent may act on. */
export interface BatchItemRefusal extends ExchangeRefusal {
  /** The attachment's message id, when it has one. */
  id?: string;
}

/** What a receiver answers for a batch: one result per attachment, in the batch's order. */
export interface BatchAcknowledgement {
  id: string;
  status: 'batch';
  results: (Acknowledgement | { id: string | null; error: { code: string; message: string; path?: string; retryable?: true } })[];
}

/** Why a message was refused: a code of src/codes.ts (EXCHANGE_CODES), a message an operator understands, and a JSON pointer into the body when it applies. */
export interface ExchangeRefusal {
  ok: false;
  code: ExchangeCode;
  message: string;
  path?: string;
  /** True when sending the same message later may succeed (e.g. the permit it concerns has not arrived yet). */
  retryable?: boolean;
}

/** DIDComm v2 authcrypt between authorities (src/agent/wiring: Veramo's @veramo/did-comm). */
export interface Envelope {
  /** Packs `message` from this authority to `message.to`, and finds where to POST it. */
  pack(message: OutgoingMessage): Promise<{ packed: string; endpoint: string; mediaType: string }>;
  /**
   * Packs several messages to one recipient (all with the same `to`) as one batch; absent,
   * or for a single message, the worker sends each message alone.
   */
  packBatch?(messages: readonly OutgoingMessage[]): Promise<{ packed: string; endpoint: string; mediaType: string; batchId: string }>;
  /** Unpacks and checks the envelope. Never throws for a bad message: it answers a refusal. */
  open(raw: string, now: Date): Promise<OpenedMessage | ExchangeRefusal>;
  /** Drops a peer's cached DID document, so that the next pack reads its current keys. */
  forgetDocument?(did: string): void;
}

/** What a receiver answers for a message it applied, and answers again, byte for byte, when the same message comes twice. */
export interface Acknowledgement {
  id: string;
  status: 'accepted';
  receivedAt: string;
}

/** A received message after the inbox's checks, its body typed by its kind (already valid against its JSON Schema). */
export interface ReceivedMessage<K extends MessageKind = MessageKind> {
  id: string;
  kind: K;
  from: string;
  body: MessageBodies[K];
  receivedAt: Date;
}

/** One message type's handling on the receiving side (src/exchange/handlers/). */
export interface MessageHandler<K extends MessageKind = MessageKind, C = unknown> {
  kind: K;
  /**
   * Checks the body against its type's JSON Schema (src/exchange/schemas/) before anything else
   * looks at it: undefined when it is valid, else EXCHANGE_BODY_INVALID with a JSON pointer.
   */
  validate(body: unknown): ExchangeRefusal | undefined;
  /** Verifies what the body carries (credentials with the core, sender's role): no writes. */
  check(message: ReceivedMessage<K>): Promise<{ ok: true; checked: C } | ExchangeRefusal>;
  /** Applies a checked message in the unit of work that also records it as received: once. */
  apply(work: UnitOfWork, checked: C, message: ReceivedMessage<K>): Promise<{ ok: true } | ExchangeRefusal>;
}
