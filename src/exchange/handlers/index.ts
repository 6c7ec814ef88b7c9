/**
 * The registry of message handlers: what this agent does with each message type it accepts
 * (src/exchange/inbox.ts looks the handler up by the message's kind; a kind with no handler
 * here is refused as EXCHANGE_TYPE_UNKNOWN). Each part of the exchange adds its handlers below,
 * one line each, and the fields of HandlerDeps it needs.
 */
import type { TrustedIssuer } from '../../vocab/trust-list.js';
import type { VerificationResult } from '../../verify/verifier-types.js';
import type { ImportCheckInput, ImportOutcome } from '../../verify/import-confirmations.js';
import type { CommittedReads } from '../../store/unit-of-work.js';
import type { MessageKind } from '../message-types.js';
import type { MessageHandler } from '../ports.js';
import { importPermitHandler, permitIssuedHandler, type PermitHandlerDeps } from './permit-issued.js';
import { statusChangedHandler } from './status-changed.js';
import { exportEndorsedHandler } from './export-endorsed.js';
import { importConfirmedHandler } from './import-confirmed.js';
import { keyRevokedHandler, type KeyRevokedDeps } from './key-revoked.js';
import { auditCheckpointHandler, type AuditCheckpointDeps } from './audit-checkpoint.js';

/** What handlers are given by the composition root (src/agent/wiring/open.ts). */
export interface HandlerDeps extends PermitHandlerDeps, KeyRevokedDeps, AuditCheckpointDeps {
  /** This authority: its DID and its country (a permit must concern it). */
  authority: { did: string; country: string };
  /** The agent's verifier (the core, with this agent's trust): the credential inside a message is checked as a border verifier would. */
  verify: (jwt: string, at?: Date, options?: { lifecycle?: false }) => Promise<VerificationResult>;
  /** Everyone this agent trusts, as now. */
  trusted: () => readonly TrustedIssuer[];
  now: () => Date;
  // import-confirmed ("confirm"):
  /** Committed reads (`store.reads`). */
  reads: Pick<CommittedReads, 'lifecycle' | 'permits' | 'importConfirmations'>;
  /** The agent verifier's `checkImportConfirmation`. */
  checkImportConfirmation: (input: ImportCheckInput) => Promise<ImportOutcome>;
}

export type HandlerRegistry = ReadonlyMap<MessageKind, MessageHandler>;

export function handlersFor(deps: HandlerDeps): Map<MessageKind, MessageHandler> {
  const handlers = [
    // permit-issued, import-permit, status-changed, export-endorsed ("imports")
    permitIssuedHandler(deps), importPermitHandler(deps), statusChangedHandler(deps), exportEndorsedHandler(deps),
    // import-confirmed ("confirm")
    importConfirmedHandler({ authority: deps.authority, reads: deps.reads, trustedIssuers: deps.trusted, checkConfirmation: deps.checkImportConfirmation }),
    // key-revoked ("keys"): deps.forgetDid drops the peer's cached DID document (agent verifier, DIDComm resolver)
    keyRevokedHandler(deps),
    // audit-checkpoint (issue 10 §3): peers' signed audit checkpoints, kept as a witness
    auditCheckpointHandler(deps),
    // Each handler is typed by its own kind; the registry hands each only messages of that kind.
  ] as unknown as MessageHandler[];
  return new Map(handlers.map((h) => [h.kind, h]));
}
