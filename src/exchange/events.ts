/**
 * The transactional outbox's routing (docs/exchange.md): which peers hear of an event. Each
 * message is written through the event's own unit of work, so it exists exactly when the
 * event committed, and the delivery worker sends it later.
 *
 * - permitIssued → every trusted Management Authority of the importer's country; an import
 *   permit (Art. III(3)) goes as importPermit to those of the exporter's country instead; a
 *   re-export also to those of each country of origin (box 12), so that it is seen there.
 * - statusChanged, exportEndorsed → every peer that was sent the permit (read from the outbox).
 * - importConfirmed → the permit's issuer. keyRevoked, auditCheckpoint → every trusted Management Authority.
 *
 * Never to one of this agent's own DIDs; no recipient, no row (and one log line).
 */
import type { UnitOfWork } from '../store/unit-of-work.js';
import type { PermitRecord } from '../store/permits.js';
import type { TrustedIssuer } from '../vocab/trust-list.js';
import { MESSAGE_TYPES, type MessageBodies, type MessageKind } from './message-types.js';
import type { ExchangeEvent, ExchangeEvents } from './ports.js';
import { AUDIT_ACTIONS, auditMessage } from '../audit/record.js';

export interface ExchangeRoutingDeps {
  /** Everyone this agent trusts (itself, its peers, its trust list), read when an event is recorded. */
  trusted: () => readonly TrustedIssuer[];
  /** This agent's own DIDs (authority, customs, trust anchor): never a recipient. */
  ownDids: readonly string[];
  now: () => Date;
  newMessageId: () => string;
  /** A message not delivered within this many days becomes undeliverable. */
  maxAgeDays: number;
  /** One JSON line per event that concerns no peer. */
  log?: (line: Record<string, unknown>) => void;
}

const DAY_MS = 86_400_000;
const AUDIT_CHECKPOINT_SUBJECT = 'urn:saiga:audit-checkpoint';
/** The messages that tell a peer of a permit: statuses and endorsements follow them to the same peers. */
const PERMIT_TYPES = [MESSAGE_TYPES.permitIssued, MESSAGE_TYPES.importPermit];

interface Routed<K extends MessageKind = MessageKind> {
  kind: K;
  subject: string;
  body: MessageBodies[K];
  recipients: string[];
}

export class ExchangeRouter implements ExchangeEvents {
  constructor(private readonly deps: ExchangeRoutingDeps) {}

  async record(work: UnitOfWork, event: ExchangeEvent): Promise<void> {
    const routed = await this.route(work, event);
    const own = new Set(this.deps.ownDids);
    const recipients = [...new Set(routed.recipients)].filter((did) => !own.has(did));
    if (recipients.length === 0) {
      this.deps.log?.({ level: 'info', event: 'exchange-no-recipient', kind: routed.kind, subject: routed.subject });
      return;
    }
    const now = this.deps.now();
    const expiresAt = new Date(now.getTime() + this.deps.maxAgeDays * DAY_MS).toISOString();
    for (const recipientDid of recipients) {
      const id = this.deps.newMessageId();
      const type = MESSAGE_TYPES[routed.kind];
      await work.outbox.insert({ id, recipientDid, type, subject: routed.subject, body: routed.body, createdAt: now.toISOString(), expiresAt });
      // Issue 10 §3: each message sent, in the event's unit of work; the body only as its hash.
      const permitNumber = permitNumberOf(event);
      await auditMessage(work, { action: AUDIT_ACTIONS.messageSent, messageId: id, ...(permitNumber !== undefined && { permitNumber }), body: routed.body, details: { type, to: recipientDid, about: routed.subject } });
    }
  }

  private async route(work: UnitOfWork, event: ExchangeEvent): Promise<Routed> {
    switch (event.kind) {
      case 'permitIssued':
        return this.routePermit(event.record);
      case 'statusChanged':
        return { kind: 'statusChanged', subject: event.change.credentialId, body: event.change, recipients: await work.outbox.recipientsOf(event.change.credentialId, PERMIT_TYPES) };
      case 'exportEndorsed':
        return { kind: 'exportEndorsed', subject: event.credentialId, body: { endorsement: event.jwt }, recipients: await work.outbox.recipientsOf(event.credentialId, PERMIT_TYPES) };
      case 'importConfirmed':
        return { kind: 'importConfirmed', subject: event.permitCredentialId, body: { confirmation: event.jwt }, recipients: [event.permitIssuerDid] };
      case 'keyRevoked':
        return { kind: 'keyRevoked', subject: event.body.kid, body: event.body, recipients: this.authoritiesOf(() => true) };
      case 'auditCheckpoint':
        // One subject for all checkpoints: a peer receives them in the order they were signed.
        return { kind: 'auditCheckpoint', subject: AUDIT_CHECKPOINT_SUBJECT, body: { checkpoint: event.jws }, recipients: this.authoritiesOf(() => true) };
    }
  }

  private routePermit(record: PermitRecord): Routed {
    const body = { permit: record.jwt };
    if (record.documentType === 'import') {
      return { kind: 'importPermit', subject: record.credentialId, body, recipients: this.authoritiesOf((c) => c === record.exporterCountry) };
    }
    const countries = new Set([record.importerCountry]);
    if (record.documentType === 're-export') for (const s of record.permit.specimens) if (s.origin?.country) countries.add(s.origin.country);
    return { kind: 'permitIssued', subject: record.credentialId, body, recipients: this.authoritiesOf((c) => countries.has(c)) };
  }

  /** Trusted Management Authorities whose country passes `inCountry`, in trust order. */
  private authoritiesOf(inCountry: (country: string) => boolean): string[] {
    return this.deps
      .trusted()
      .filter((t) => t.role === 'managementAuthority' && inCountry(t.country))
      .map((t) => t.did);
  }
}

/** The permit of this authority an event concerns, if any (audit retention follows it). */
function permitNumberOf(event: ExchangeEvent): string | undefined {
  switch (event.kind) {
    case 'permitIssued':
      return event.record.permitNumber;
    case 'statusChanged':
      return event.change.permitNumber;
    case 'exportEndorsed':
      return event.permitNumber;
    default:
      return undefined;
  }
}
