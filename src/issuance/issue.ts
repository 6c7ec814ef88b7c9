/**
 * Issuing permits: validate, number, sign, store — and lose nothing.
 *
 * A request that breaks a rule is refused before it reaches the counter, so it uses no
 * number. Accepted requests queue up and are written in batches: one transaction per
 * batch (one fsync for many permits), one savepoint per permit, so a permit whose
 * signing fails rolls back alone and gives its number to the next. A permit is
 * acknowledged only after its batch has committed.
 */
import type { RuleIssue } from '../codes.js';
import { applyStatusChange } from '../status/changes.js';
import type { StatusLists } from '../status/service.js';
import type { ManagementAuthority, Permit, PermitRequest } from '../permit/model.js';
import type { ImportPermitCheck, ImportPermitTrust } from '../permit/import-permit.js';
import { tooLargeIssue } from '../permit/size.js';
import { normaliseText } from '../permit/text.js';
import { permitValidator, requestValidator } from '../permit/schema-validators.js';
import { validatePermitRequest } from '../permit/validate.js';
import { MAX_ISSUED_CREDENTIAL_CHARS } from '../vocab/limits.js';
import { maxValidUntil } from '../permit/validity.js';
import type { LifecycleReads } from '../store/lifecycle.js';
import type { PermitRecord } from '../store/permits.js';
import type { Transactions, UnitOfWork } from '../store/unit-of-work.js';
import { GroupCommit } from '../store/group-commit.js';
import type { ExchangeEvents } from '../exchange/ports.js';
import { buildPermit, buildPermitCredential, type UnsignedCredential } from './credential.js';
import { formatPermitNumber, numberScope, type PermitNumberFormat } from './number.js';
import { KeyedLock } from './keyed-lock.js';
import { previewPermit, type PreviewOutcome } from './preview.js';
import { builtCredentialIssues, replacedPermitIssues } from './issue-checks.js';
import { actorOf, AUDIT_ACTIONS, auditPermitAction, auditRequest } from '../audit/record.js';

export interface IssuerDeps {
  authority: ManagementAuthority & { place: string };
  numberFormat: PermitNumberFormat;
  /** The agent's public URL (`saiga.url`): where it serves the CITES context and the credential schema. */
  agentUrl: string;
  /** Signs the credential as a VC-JWT with the authority's key (Veramo in the agent). */
  sign: (credential: UnsignedCredential) => Promise<string>;
  /** Runs each batch as one unit of work. */
  store: Transactions;
  /** Draws the permit's status-list indexes and revokes a replaced permit. */
  statusLists: StatusLists;
  /** The public record URL of a permit, from its credential id. */
  recordUrl: (credentialId: string) => string;
  now: () => Date;
  newCredentialId: () => string;
  /** Most permits written in one transaction. */
  maxBatch?: number;
  /** The authority's trust (itself, its peers, its trust list), for the import permit's issuer; unknown issuers are refused. */
  trust: () => ImportPermitTrust;
  /**
   * Checks the import permit an export relies on, e.g. by fetching and verifying it from its
   * issuer (the exchange issue plugs in here). Runs after the rules, before a number is drawn.
   */
  checkImportPermit?: ImportPermitCheck;
  /** The exchange's outbox: the permit goes to the authorities it concerns, written with the permit (same savepoint). */
  exchange?: ExchangeEvents;
  /**
   * Checks a re-export against the permits of box 12 this authority received through the
   * exchange (src/issuance/origin-permit-check.ts). Runs with checkImportPermit, before a number is drawn.
   */
  checkOriginPermits?: (request: PermitRequest) => Promise<RuleIssue[]>;
  /**
   * Committed reads, for a preview (./preview.ts) to check the replaced permit without a write
   * transaction. Issuing reads it inside its transaction instead.
   */
  reads?: { lifecycle: Pick<LifecycleReads, 'life'> };
}

export interface Officer {
  /** Box 13 signatory: the full name of the officer. */
  signatory: string;
  tokenId?: string;
}

export type IssueOutcome =
  | { ok: true; record: PermitRecord; warnings: RuleIssue[] }
  | { ok: false; errors: RuleIssue[]; warnings: RuleIssue[] };

/** A request refused inside the transaction, by a rule that needs the database (e.g. the permit it replaces). */
class RuleRejection extends Error {
  constructor(readonly errors: RuleIssue[]) {
    super('rule rejection');
  }
}

interface Item {
  request: PermitRequest;
  officer: Officer;
  warnings?: RuleIssue[];
}

/** The box-12 permits a re-export draws on, as lock keys (country and number). */
const originKeys = (request: PermitRequest): string[] =>
  request.documentType === 're-export' ? request.specimens.flatMap((s) => (s.origin?.permitNumber !== undefined ? [`${s.origin.country}\u0000${s.origin.permitNumber}`] : [])) : [];

export class PermitIssuer {
  private readonly originLock = new KeyedLock();
  /** Accepted requests share transactions: one commit (one fsync) for many permits, one savepoint each. */
  private readonly batches: GroupCommit;

  constructor(private readonly deps: IssuerDeps) {
    this.batches = new GroupCommit(deps.store, deps.maxBatch ?? 64);
  }

  /**
   * Compiles the schemas a permit is checked against (the request's, and the issued permit's
   * for the check before signing), which ajv otherwise does on the first request. A serving
   * agent calls it at start, so that its first permit takes no longer than the next.
   */
  warmUp(): void {
    requestValidator();
    permitValidator();
  }

  /** The permit as it would be issued, consuming nothing (POST /api/permits/preview, ./preview.ts). */
  preview(input: unknown, officer: Officer): Promise<PreviewOutcome> {
    return previewPermit(this.deps, input, officer);
  }

  /** Validates and issues one permit request. Rule errors come back as `ok: false`, never as an exception. */
  async issue(input: unknown, officer: Officer): Promise<IssueOutcome> {
    // Stored, printed and signed in NFC, as it was validated (src/permit/text.ts).
    const request = normaliseText(input);
    const outcome = validatePermitRequest(request, { authorityCountry: this.deps.authority.country, now: this.deps.now(), trust: this.deps.trust() });
    if (!outcome.ok) return this.refused(request, officer, outcome.errors, outcome.warnings);
    const valid = request as PermitRequest;
    // A re-export draws on what came in under its box-12 permits: the check and the issue run as one step per permit.
    return this.originLock.run(originKeys(valid), async () => {
      const linked = [
        ...(valid.importPermit && this.deps.checkImportPermit ? await this.deps.checkImportPermit(valid.importPermit, valid) : []),
        ...(this.deps.checkOriginPermits ? await this.deps.checkOriginPermits(valid) : []),
      ];
      if (linked.length > 0) return this.refused(request, officer, linked, outcome.warnings);
      try {
        const record = await this.batches.transaction((work) => this.make({ request: valid, officer, warnings: outcome.warnings }, work));
        return { ok: true, record, warnings: outcome.warnings };
      } catch (error) {
        if (error instanceof RuleRejection) return this.refused(request, officer, error.errors, outcome.warnings);
        throw error;
      }
    });
  }

  /**
   * A refused request writes nothing but its audit entry (issue 10 §3: requests received,
   * accepted or refused, with their findings), in a transaction of its own (a batch's, shared).
   */
  private async refused(request: unknown, officer: Officer, errors: RuleIssue[], warnings: RuleIssue[]): Promise<IssueOutcome> {
    await this.batches.transaction((work) => auditRequest(work, { actor: actorOf(officer), accepted: false, request, errors, warnings }));
    return { ok: false, errors, warnings };
  }

  /** R1 (issue-checks.ts), inside the transaction: the replaced permit as this batch sees it. */
  private async checkReplaced(work: UnitOfWork, request: PermitRequest): Promise<void> {
    if (!request.replaces) return;
    const { permitNumber } = request.replaces;
    const issues = replacedPermitIssues(await work.lifecycle.life({ permitNumber }), permitNumber);
    if (issues.length > 0) throw new RuleRejection(issues);
  }

  /** What the agent built must pass what every verifier checks (issue-checks.ts). */
  private checkBuilt(credential: UnsignedCredential, issuedAt: Date, validUntil: string): void {
    const issues = builtCredentialIssues(credential, { authority: this.deps.authority, issuedAt, validUntil, trust: this.deps.trust() });
    if (issues.length > 0) throw new RuleRejection(issues);
  }

  private async make(item: Item, work: UnitOfWork): Promise<PermitRecord> {
    const { authority, numberFormat } = this.deps;
    // Whole seconds: the credential's issuanceDate becomes the JWT's `nbf`, which has no
    // fractions, and the date a verifier shows in box 13 must be the one stored here.
    const issuedAt = new Date(Math.floor(this.deps.now().getTime() / 1000) * 1000);
    const { request } = item;
    await this.checkReplaced(work, request);
    const numberContext = { country: authority.country, documentType: request.documentType, issuedAt };
    const sequence = await work.permits.nextSequence(numberScope(numberFormat, numberContext));
    const permitNumber = formatPermitNumber(numberFormat, numberContext, sequence);
    const validUntil = request.validUntil ?? maxValidUntil(request.documentType, request.otherDocumentType, issuedAt);
    const { place, ...managementAuthority } = authority;
    const permit: Permit = buildPermit(request, {
      permitNumber,
      validUntil,
      authority: managementAuthority,
      place,
      issuedAt,
      signatory: item.officer.signatory,
    });
    const credentialId = this.deps.newCredentialId();
    const credentialStatus = await this.deps.statusLists.allocate(work.statusLists, permitNumber);
    const credential = buildPermitCredential(permit, credentialId, this.deps.agentUrl, { credentialStatus, permitRecord: this.deps.recordUrl(credentialId) });
    // Refusals from here on roll the savepoint back: the number and status indexes go to the next permit.
    this.checkBuilt(credential, issuedAt, validUntil);
    const jwt = await this.deps.sign(credential);
    if (jwt.length > MAX_ISSUED_CREDENTIAL_CHARS) throw new RuleRejection([tooLargeIssue(jwt.length, request)]);
    const record: PermitRecord = {
      permitNumber,
      credentialId,
      documentType: request.documentType,
      issuerDid: authority.did,
      exporterCountry: request.exporter.country,
      importerCountry: request.importer.country,
      issuedAt: permit.issued.date,
      validUntil,
      signatory: item.officer.signatory,
      permit,
      jwt,
    };
    if (item.officer.tokenId) record.issuedByToken = item.officer.tokenId;
    await work.permits.insert(record);
    const actor = { actor: item.officer.signatory, ...(item.officer.tokenId !== undefined && { actorToken: item.officer.tokenId }) };
    await work.lifecycle.addEvent(permitNumber, { action: 'issue', reason: null, at: permit.issued.date, ...actor });
    if (request.replaces) {
      // Same transaction: the new permit exists exactly when the old one is revoked.
      const revoked = await applyStatusChange(work, this.deps.statusLists, request.replaces.permitNumber, { action: 'revoke', reason: 'replaced', replacedBy: permitNumber, ...actor }, issuedAt, this.deps.exchange);
      if (!revoked.ok) throw new Error(`revoking the replaced permit failed: ${revoked.errors[0]?.message}`);
    }
    // In the permit's savepoint: the message exists exactly when the permit does.
    await this.deps.exchange?.record(work, { kind: 'permitIssued', record });
    // And so do its audit entries (issue 10 §3): the request accepted, the permit issued.
    const auditActor = actorOf(item.officer);
    await auditRequest(work, { actor: auditActor, accepted: true, request, permitNumber, warnings: item.warnings ?? [] });
    await auditPermitAction(work, {
      actor: auditActor,
      action: request.replaces ? AUDIT_ACTIONS.replace : AUDIT_ACTIONS.issue,
      permitNumber,
      after: { credentialId, jwt },
      details: { credentialId, documentType: request.documentType, validUntil, ...(request.replaces && { replaces: request.replaces.permitNumber }) },
    });
    return record;
  }
}
