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
import type { ManagementAuthority, Permit, PermitRequest } from '../permit/model.js';
import { validatePermitRequest } from '../permit/validate.js';
import { maxValidUntil } from '../permit/validity.js';
import type { PermitRecord, PermitStore } from '../store/permits.js';
import { buildPermit, buildPermitCredential, type UnsignedCredential } from './credential.js';
import { formatPermitNumber, numberScope, type PermitNumberFormat } from './number.js';

export interface IssuerDeps {
  authority: ManagementAuthority & { place: string };
  numberFormat: PermitNumberFormat;
  /** URL of the published JSON Schema of the permit, referenced by every credential. */
  schemaUrl: string;
  /** Signs the credential as a VC-JWT with the authority's key (Veramo in the agent). */
  sign: (credential: UnsignedCredential) => Promise<string>;
  store: PermitStore;
  now: () => Date;
  newCredentialId: () => string;
  /** Most permits written in one transaction. */
  maxBatch?: number;
}

export interface Officer {
  /** Box 13 signatory: the full name of the officer. */
  signatory: string;
  tokenId?: string;
}

export type IssueOutcome =
  | { ok: true; record: PermitRecord; warnings: RuleIssue[] }
  | { ok: false; errors: RuleIssue[]; warnings: RuleIssue[] };

interface Pending {
  request: PermitRequest;
  officer: Officer;
  resolve: (record: PermitRecord) => void;
  reject: (error: unknown) => void;
}

export class PermitIssuer {
  private pending: Pending[] = [];
  private draining = false;

  constructor(private readonly deps: IssuerDeps) {}

  /** Validates and issues one permit request. Rule errors come back as `ok: false`, never as an exception. */
  async issue(input: unknown, officer: Officer): Promise<IssueOutcome> {
    const outcome = validatePermitRequest(input, { authorityCountry: this.deps.authority.country, now: this.deps.now() });
    if (!outcome.ok) return { ok: false, errors: outcome.errors, warnings: outcome.warnings };
    const record = await new Promise<PermitRecord>((resolve, reject) => {
      this.pending.push({ request: input as PermitRequest, officer, resolve, reject });
      void this.drain();
    });
    return { ok: true, record, warnings: outcome.warnings };
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.deps.maxBatch ?? 64);
        const results: ({ record: PermitRecord } | { error: unknown })[] = [];
        try {
          await this.deps.store.transaction(async (tx) => {
            for (const item of batch) {
              try {
                const record = await tx.savepoint(async () => {
                  const made = await this.make(item, (scope) => tx.nextSequence(scope));
                  await tx.insert(made);
                  return made;
                });
                results.push({ record });
              } catch (error) {
                results.push({ error });
              }
            }
          });
        } catch (error) {
          // The commit itself failed: nothing of this batch was written.
          batch.forEach((item) => item.reject(error));
          continue;
        }
        batch.forEach((item, i) => {
          const result = results[i]!;
          if ('record' in result) item.resolve(result.record);
          else item.reject(result.error);
        });
      }
    } finally {
      this.draining = false;
    }
  }

  private async make(item: Pending, nextSequence: (scope: string) => Promise<number>): Promise<PermitRecord> {
    const { authority, numberFormat } = this.deps;
    const issuedAt = this.deps.now();
    const { request } = item;
    const numberContext = { country: authority.country, documentType: request.documentType, issuedAt };
    const sequence = await nextSequence(numberScope(numberFormat, numberContext));
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
    const jwt = await this.deps.sign(buildPermitCredential(permit, credentialId, this.deps.schemaUrl));
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
    return record;
  }
}
