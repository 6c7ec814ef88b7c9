/**
 * What an agent can do, as HTTP routes and CLI commands see it: capabilities, never its parts.
 * Each one is built in the composition root (./open.ts, ./open-readonly.ts) from its store and
 * its signer; nothing outside src/agent/wiring touches the database connections or Veramo.
 *
 * Three sets, one per way of opening an agent (./with-agent.ts):
 * - `read`: configuration and store only (no Veramo, no key, no self-test): permit reads,
 *   statuses, public resources, tokens and the verifier;
 * - `sign`: also the identities and their signers, issuance and the lifecycle;
 * - `serve`: also the trust list the agent serves (signed once, at start, when agent.yml names none).
 */
import type { AuditActor } from '../../store/audit-log.js';
import type { AuditSigning, AuditTrail } from '../../audit/service.js';
import type { LoadedConfig } from '../config/config.js';
import type { PermitStatusView } from '../../lifecycle/permit-lifecycle.js';
import type { CustomsOfficer, EndorseOutcome } from '../../endorsement/endorse.js';
import type { IssueOutcome, Officer } from '../../issuance/issue.js';
import type { PreviewOutcome } from '../../issuance/preview.js';
import type { ConfirmingOfficer, ConfirmOutcome } from '../../import-confirmation/confirm.js';
import type { Role, TokenCheck, TokenRecord } from '../../auth/tokens.js';
import type { PermitFilter, StoredPermit } from '../../store/permits.js';
import type { ImportState, IncomingPermit } from '../../store/incoming-permits.js';
import type { StatusChange, StatusChangeOutcome } from '../../status/changes.js';
import type { AgentTrustList } from '../../trust/agent-trust-list.js';
import type { LocalResource } from '../../verification/local-fetch.js';
import type { Envelope } from '../../exchange/ports.js';
import type { DidDocument, TrustedIssuer, VerificationResult } from '../../verify/index.js';
import type { KeyIdentity, SigningKeyView } from '../identity/key-states.js';
import type { ExchangeStatus, RetryOutcome } from '../../exchange/operator-view.js';
import type { ReceiveOutcome } from '../../exchange/inbox.js';
import type { ToolkitLookup } from '../../toolkit-xml/lookup.js';
import type { Reports } from '../../report/service.js';
import type { CreateOutcome, NewUser, SignInOutcome, UserRecord, UserRefusal } from '../../auth/users.js';
import type { SessionCheck, SessionView } from '../../auth/sessions.js';
import type { DashboardCounts } from '../../store/dashboard.js';
import type { DraftService } from '../../issuance/drafts.js';
import type { HolderLinkMailer } from '../../mail/index.js';
import type { HolderLinks } from '../../holder/links.js';
import type { Oid4vciService } from '../../oid4vci/issuer.js';
import type { WalletOffers } from '../../holder/wallet-offer.js';
import type { PresentationRelay } from '../../presentation-relay/relay.js';

/** agent.yml as read at start: data only. */
export type AgentConfig = Readonly<Pick<LoadedConfig, 'saiga' | 'numberFormat' | 'configPath' | 'baseDir'>>;

/** Issued permits, their state and the agent's public resources: reads of committed data only. */
export interface Records {
  /** The permit with that number, as issued here; undefined when this agent issued none. */
  permit(permitNumber: string): Promise<StoredPermit | undefined>;
  list(filter: PermitFilter): Promise<{ items: StoredPermit[]; total: number }>;
  /** A permit's state, endorsement and history. */
  status(permitNumber: string): Promise<PermitStatusView | undefined>;
  /** A public resource by path: a status list, a permit record, a credential by its id. */
  publicResource(path: string): Promise<LocalResource>;
  /** The console's dashboard figures (issue 11 §2), counted in SQL on committed data. */
  dashboard(): Promise<DashboardCounts>;
}

/** API tokens: only their hashes are stored; a token is shown once, by `create`. */
export interface Tokens {
  create(role: Role, name: string, options?: { expiresAt?: Date; actor?: AuditActor }): Promise<{ token: string; record: TokenRecord }>;
  check(token: string): Promise<TokenCheck>;
  list(): Promise<TokenRecord[]>;
  revoke(id: string, actor?: AuditActor): Promise<{ record: TokenRecord; revoked: boolean } | undefined>;
  count(): Promise<number>;
  now(): Date;
}

/** Console accounts (issue 11 §1): scrypt hashes, and TOTP secrets sealed with a key derived from the agent's secret key (asked for only to seal or open one). */
export interface Users {
  /** `actor`: who does it, for the audit trail (the command line's operator when absent). */
  create(input: NewUser, actor?: AuditActor): Promise<CreateOutcome>;
  list(): Promise<UserRecord[]>;
  find(idOrUsername: string): Promise<UserRecord | undefined>;
  disable(idOrUsername: string, actor?: AuditActor): Promise<{ user: UserRecord; disabled: boolean } | undefined>;
  resetPassword(idOrUsername: string, password: unknown, actor?: AuditActor): Promise<{ ok: true; user: UserRecord } | UserRefusal>;
  /** A new TOTP secret, returned this once (sealed in the store with the agent's secret key). */
  resetTotp(idOrUsername: string, actor?: AuditActor): Promise<{ ok: true; user: UserRecord; totpSecret: string } | UserRefusal>;
  signIn(username: unknown, password: unknown, totp: unknown): Promise<SignInOutcome>;
}

/** Console sessions of a serving agent: only the id's SHA-256 is stored. */
export interface Sessions {
  start(user: UserRecord): Promise<{ id: string; session: SessionView }>;
  check(id: string): Promise<SessionCheck>;
  end(idHash: string): Promise<void>;
}

/** The agent's verifier (the shared core with this agent's trust): `saiga verify` and `POST /api/verify`. */
export interface Verification {
  verify(input: string, at?: Date): Promise<VerificationResult>;
  /** Everyone this agent trusts: itself, its customs identity, its peers and the authorities of its trust list. */
  trustedIssuers(): Promise<readonly TrustedIssuer[]>;
}

/** The signing keys of the authority and customs identities, and their states (`saiga key list`). */
export interface KeyList {
  list(): Promise<SigningKeyView[]>;
}

export type KeyErrorCode = 'KEY_NOT_FOUND' | 'KEY_ALREADY_REVOKED' | 'LAST_ACTIVE_KEY' | 'KEY_ROTATION_UNSUPPORTED';
export type KeyOutcome<T> = { ok: true; value: T } | { ok: false; code: KeyErrorCode; message: string };

/** A credential a revoked key signed: it still verifies when signed before the compromise; otherwise it must be issued again. */
export interface SignedWithKey {
  kind: 'permit' | 'endorsement';
  permitNumber: string;
  credentialId: string;
  signedAt?: string;
  /** Signed at or after `compromisedSince`: verifiers refuse it (KEY_COMPROMISED), so issue it again. */
  reissue: boolean;
}

export interface KeyRevocation {
  key: SigningKeyView;
  /** The key the identity signs with from now on. */
  current: SigningKeyView;
  statusListsResigned: number;
  signedWithKey: SignedWithKey[];
}

/** Key rotation and revocation (issue 9 §6): refusals come back with a code, nothing changed. */
export interface KeyManagement extends KeyList {
  /** `actor`: the person the audit trail names (Decision 18.125(e)); the command line's operator when absent. */
  rotate(identity: KeyIdentity, actor?: AuditActor): Promise<KeyOutcome<SigningKeyView>>;
  revoke(kid: string, options: { compromisedSince?: Date; actor?: AuditActor }): Promise<KeyOutcome<KeyRevocation>>;
}

/**
 * The exchange as an operator sees it (issue 9): messages to peers per peer and state, and
 * re-queueing one (a row of the store, like a token: no key is involved, so read-only
 * commands offer it; a running agent's worker picks it up at its next poll).
 */
export interface ExchangeOperator {
  status(): Promise<ExchangeStatus>;
  /** Re-queues one message; `actor` is who decided it, for the audit trail. */
  retry(id: string, actor: AuditActor): Promise<RetryOutcome>;
}

/** The exchange of a serving agent: also receiving messages (POST /didcomm) and delivering the outbox. */
export interface Exchange extends ExchangeOperator {
  receive(raw: string): Promise<ReceiveOutcome>;
  /** Starts the delivery worker (saiga serve, once it listens). */
  startDelivery(): void;
  /** Stops it: attempts in flight are abandoned and sent again at the next start; recorded answers are kept. */
  stopDelivery(): Promise<void>;
}

/** Permits other authorities sent for import into this country (docs/exchange.md), newest first: committed reads only. */
export interface Imports {
  list(filter?: { state?: ImportState }): Promise<IncomingPermit[]>;
}

/**
 * Issue 12 §1: links that give a permit's holder their permit (src/holder). Rows of the store,
 * like tokens (no key is involved), so read-only commands offer them; the e-mail seam
 * (src/holder/mailer.ts) is an optional dependency of the serving agent (OpenOptions.holderLinkMailer).
 */
export type HolderLinksCapability = Pick<HolderLinks, 'share' | 'list' | 'revoke' | 'open'>;

export interface ReadCapabilities {
  config: AgentConfig;
  records: Records;
  imports: Imports;
  tokens: Tokens;
  users: Users;
  verification: Verification;
  keys: KeyList;
  exchange: ExchangeOperator;
  /** Issue 10 §3: the audit trail, read (verify, page, export). */
  audit: AuditTrail;
  /** The annual report, its unused permits and the mirror comparison (src/report): reads of one snapshot each. */
  reports: Reports;
  holderLinks: HolderLinksCapability;
}

/** An identity as the world may see it: its DID and DID document, never a key. */
export interface PublicIdentity {
  did: string;
  /** The document published now: read it each time, since a rotation through the API changes it (issue 9 §6). */
  readonly didDocument: DidDocument;
}

export interface Identities {
  /** The Management Authority: signs permits and status lists. */
  authority: PublicIdentity;
  /** Signs export endorsements. */
  customs: PublicIdentity;
  /** Signs this agent's trust lists. */
  trustAnchor: PublicIdentity;
  /** True when this opening created the authority's identity (a first start). */
  created: boolean;
}

export type SigningRole = 'authority' | 'customs' | 'trustAnchor';

/** Signs credentials as one identity (VC-JWT, EdDSA, its `kid`), refusing a JWT signed by another identity or naming another key. */
export interface Signer {
  did: string;
  sign(credential: object): Promise<string>;
  /** Issue 10 §2: a compact JWS of these claims (EdDSA, the current key's kid): the DIDJWT of a toolkit lookup (src/toolkit-xml/lookup.ts). */
  signJws(claims: Record<string, unknown>): Promise<string>;
}

export interface Issuance {
  issue(input: unknown, officer: Officer): Promise<IssueOutcome>;
  /** The same rules, and the permit as it would be issued, consuming and writing nothing (src/issuance/preview.ts). */
  preview(input: unknown, officer: Officer): Promise<PreviewOutcome>;
  /** Compiles the request and permit schemas now, not on the first request. */
  warmUp(): void;
}

/** A permit's life after issue, each change one transaction. */
export interface Lifecycle {
  change(permitNumber: string, change: StatusChange): Promise<StatusChangeOutcome>;
  endorse(permitNumber: string, input: unknown, officer: CustomsOfficer): Promise<EndorseOutcome>;
}

/** Import confirmations made here (issue 9): what arrived under a permit another authority issued, signed by customs. */
export interface ImportConfirmation {
  confirm(input: unknown, officer: ConfirmingOfficer): Promise<ConfirmOutcome>;
}

export interface SignCapabilities extends ReadCapabilities {
  identities: Identities;
  issuance: Issuance;
  /** Issue 11 §2: permit request drafts saved from the console, audited with the person's name. */
  drafts: Pick<DraftService, 'list' | 'get' | 'create' | 'update' | 'delete'>;
  lifecycle: Lifecycle;
  importConfirmation: ImportConfirmation;
  signAs(role: SigningRole): Signer;
  keys: KeyManagement;
  /** Issue 9: DIDComm v2 authcrypt between this authority and its peers (./didcomm-envelope.ts). */
  envelope: ExchangeEnvelope;
  /** Issue 10 §3: signed checkpoints of the audit trail, and its purge. */
  auditSigning: AuditSigning;
  /** Issue 12 §2: the agent as an OpenID4VCI issuer of its permits (src/oid4vci); absent when saiga.url is neither https nor http on loopback. */
  oid4vci?: Oid4vciService;
  /** Issue 12 §2: the holder page's "Add to a wallet" (src/holder/wallet-offer.ts); absent with oid4vci. */
  walletOffers?: WalletOffers;
  /** The verifier page's cross-device presentation relay (src/presentation-relay); absent when saiga.url is neither https nor http on loopback. */
  presentationRelay?: PresentationRelay;
}

/** The exchange's envelope, and the DID documents it caches. */
export interface ExchangeEnvelope extends Envelope {
  /** Drops a peer's cached DID document, so that the next message fetches it again (e.g. the peer revoked a key). */
  forgetDocument(did: string): void;
}

export interface ServeCapabilities extends SignCapabilities {
  /** The trust list served at /trust-list. */
  trust: AgentTrustList;
  exchange: Exchange;
  /** Issue 10 §2: a trusted peer's request for a permit's toolkit XML, by its DIDJWT (src/toolkit-xml/lookup.ts). */
  toolkitLookup: ToolkitLookup;
  /** Issue 10 §3: the agent's start in the audit trail, and its signed checkpoints while it serves. */
  auditAgent: AuditAgent;
  sessions: Sessions;
  /** Issue 12 §1: emails a permit holder their link; undefined without saiga.smtp, when the officer hands it over (docs/mail.md). */
  mail?: HolderLinkMailer;
}

export interface AuditAgent {
  /** Appends agent.start with the SHA-256 of the configuration as loaded (agent.yml holds no secret). */
  started(): Promise<void>;
  startCheckpoints(): void;
  stopCheckpoints(): Promise<void>;
}

export type AgentKind = 'read' | 'sign' | 'serve';

export interface CapabilitiesOf {
  read: ReadCapabilities;
  sign: SignCapabilities;
  serve: ServeCapabilities;
}
