/**
 * The permit's public record, served by the issuing authority's agent at the URL the
 * permit credential names (`vc.permitRecord`): the customs endorsements (box 14) and,
 * when revoked, why. No login, no central database: the verifier reads it straight from
 * the issuer, and trusts nothing in it that is not signed — each endorsement is a
 * VC-JWT that must be signed by a customs authority trusted for the issuing country.
 */
import type { Permit } from '../permit/model.js';
import { endorsementValidator } from '../permit/schema-validators.js';
import { ENDORSEMENT_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
import { exportedQuantities, type Endorsement } from '../vocab/endorsement.js';
import type { PublicPermitRecord } from '../vocab/public-record.js';
import type { FetchLike } from './did-web.js';
import { fetchText } from './http-fetch.js';
import { verifySignedCredential, type SignedCredentialContext, type TrustDecision } from './signed-credential.js';
import type { BlockQuantities, EndorsementInfo, ImportInfo, TrustedIssuer } from './verifier-types.js';
import { checkImportConfirmations, type ImportOutcome } from './import-confirmations.js';

export type RecordOutcome =
  | { ok: false; code: 'RECORD_UNAVAILABLE'; detail: string }
  | {
      ok: true;
      record: PublicPermitRecord;
      blocks: BlockQuantities[];
      endorsement?: EndorsementInfo;
      problem?: { code: 'ENDORSEMENT_INVALID' | 'QUANTITY_EXCEEDED'; detail: string };
      /** Issue 9: the record's import confirmations, verified (only when it carries any). */
      imports?: { imported?: ImportInfo; problem?: ImportOutcome['problem'] };
    };

type RecordRead = Extract<RecordOutcome, { ok: true }>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRecord(text: string, credentialId: string | undefined): PublicPermitRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'The record is not JSON.';
  }
  if (!isObject(value) || !Array.isArray(value.endorsements) || !value.endorsements.every((e) => typeof e === 'string')) {
    return 'The record is not a permit record.';
  }
  // Absent in the records of agents before issue 9; when present, a list of JWTs.
  if (value.importConfirmations !== undefined && (!Array.isArray(value.importConfirmations) || !value.importConfirmations.every((e) => typeof e === 'string'))) {
    return 'The record is not a permit record.';
  }
  if (credentialId !== undefined && value.id !== credentialId) return 'The record belongs to another permit.';
  return value as unknown as PublicPermitRecord;
}

export interface RecordCheckerOptions {
  fetch?: FetchLike;
  signed: SignedCredentialContext;
  /** Trust-list entries by DID: an endorsement needs a `customs` entry of the permit's country. */
  trusted: ReadonlyMap<string, readonly TrustedIssuer[]>;
  timeoutMs?: number;
}

const permittedOnly = (permit: Permit): BlockQuantities[] =>
  permit.specimens.map((s) => ({ block: s.block, scientificName: s.scientificName, permitted: { quantity: s.quantity, unit: s.unit }, exported: null }));

/**
 * What a signed endorsement says must fit the permit it endorses: the customs of the
 * issuing country, a port in that country, a date within the permit's validity, and
 * only blocks the permit has. Returns why not, or undefined.
 */
function mismatch(subject: Endorsement, permit: Permit, issuer: TrustedIssuer): string | undefined {
  if (subject.country !== issuer.country) return `It is made out for ${subject.country}, not ${issuer.country}.`;
  if (!subject.portOfExport.startsWith(issuer.country)) return `Its port ${subject.portOfExport} is not in ${issuer.country}.`;
  if (subject.date > permit.validUntil) return `It is dated ${subject.date}, after the permit expired (${permit.validUntil}).`;
  if (subject.date < permit.issued.date.slice(0, 10)) return `It is dated ${subject.date}, before the permit was issued.`;
  const blocks = new Set(permit.specimens.map((s) => s.block));
  const stray = subject.blocks.find((b) => !blocks.has(b.block));
  if (stray) return `It names block ${stray.block}, which the permit does not have.`;
  return undefined;
}

export function createRecordChecker(options: RecordCheckerOptions) {
  /** Fetches the record and verifies its endorsements against the permit. */
  return async function checkRecord(recordUrl: unknown, credentialId: string | undefined, permit: Permit, issuer: TrustedIssuer): Promise<RecordOutcome> {
    if (options.fetch === undefined) return { ok: false, code: 'RECORD_UNAVAILABLE', detail: 'This verifier is offline.' };
    if (typeof recordUrl !== 'string') return { ok: false, code: 'RECORD_UNAVAILABLE', detail: 'The permit names no public record.' };
    // Endorsements refer to the permit by its credential id; without one nothing can be matched.
    if (credentialId === undefined) return { ok: false, code: 'RECORD_UNAVAILABLE', detail: 'The permit has no credential id (jti).' };
    if (!Array.isArray(permit?.specimens)) return { ok: false, code: 'RECORD_UNAVAILABLE', detail: 'The permit has no blocks to compare.' };
    const fetched = await fetchText(recordUrl, { fetch: options.fetch, accept: 'application/json', maxBytes: 500_000, timeoutMs: options.timeoutMs ?? 5000 });
    if (!fetched.ok) return { ok: false, code: 'RECORD_UNAVAILABLE', detail: fetched.reason };
    const record = readRecord(fetched.text, credentialId);
    if (typeof record === 'string') return { ok: false, code: 'RECORD_UNAVAILABLE', detail: record };
    const endorsed = await endorsementsOf(record, credentialId, permit, issuer);
    const jwts = record.importConfirmations ?? [];
    if (jwts.length === 0) return endorsed;
    const genuine = endorsed.endorsement !== undefined && endorsed.problem?.code !== 'ENDORSEMENT_INVALID';
    const imports = await checkImportConfirmations({ jwts, credentialId, permit, issuer, blocks: endorsed.blocks, endorsed: genuine }, options.signed, options.trusted);
    return { ...endorsed, blocks: imports.blocks, imports: { ...(imports.imported && { imported: imports.imported }), ...(imports.problem && { problem: imports.problem }) } };
  };

  /** The record's export endorsements verified against the permit. */
  async function endorsementsOf(record: PublicPermitRecord, credentialId: string, permit: Permit, issuer: TrustedIssuer): Promise<RecordRead> {
    const blocks = permittedOnly(permit);
    const valid: { info: EndorsementInfo; subject: Endorsement }[] = [];
    const decideTrust = (did: string): TrustDecision => {
      const customs = options.trusted.get(did)?.find((t) => t.role === 'customs' && t.country === issuer.country);
      return customs ? { ok: true, issuer: customs, message: '' } : { ok: false, detail: `${did} is not a customs authority trusted for ${issuer.country}.` };
    };
    for (const jwt of record.endorsements) {
      let failure = '';
      const signed = await verifySignedCredential(jwt, { type: ENDORSEMENT_CREDENTIAL_TYPE, label: 'customs endorsement' }, decideTrust, options.signed, (_c, ok, code, detail) => {
        if (!ok) failure = `${code}: ${detail}`;
      });
      if (signed === undefined) return { ok: true, record, blocks, problem: { code: 'ENDORSEMENT_INVALID', detail: failure } };
      // The schema of the endorsement subject (src/permit/endorsement-schema.ts), the same one its issuer checks.
      const shapeOk = endorsementValidator()(signed.claims.subject);
      const subject = signed.claims.subject as unknown as Endorsement;
      if (!shapeOk) return { ok: true, record, blocks, problem: { code: 'ENDORSEMENT_INVALID', detail: 'The endorsement is malformed.' } };
      if (subject.permit.id !== credentialId || subject.permit.issuer !== issuer.did || subject.permit.permitNumber !== permit.permitNumber) {
        return { ok: true, record, blocks, problem: { code: 'ENDORSEMENT_INVALID', detail: 'The endorsement refers to another permit.' } };
      }
      const wrong = mismatch(subject, permit, issuer);
      if (wrong !== undefined) return { ok: true, record, blocks, problem: { code: 'ENDORSEMENT_INVALID', detail: wrong } };
      const info: EndorsementInfo = {
        endorsedBy: signed.issuer.did,
        authority: signed.issuer.name,
        date: subject.date,
        portOfExport: subject.portOfExport,
        transportDocument: subject.transportDocument,
        officer: subject.officer,
      };
      if (signed.claims.id !== undefined) info.id = signed.claims.id;
      valid.push({ info, subject });
    }
    if (valid.length === 0) return { ok: true, record, blocks };
    // Art. VI(5): one permit, one consignment. Two endorsements mean the permit was used twice.
    if (valid.length > 1) {
      return { ok: true, record, blocks, problem: { code: 'ENDORSEMENT_INVALID', detail: `The permit carries ${valid.length} export endorsements; it covers one shipment only (Art. VI(5)).` } };
    }
    const { info, subject } = valid[0]!;
    const quantities = exportedQuantities(permit, subject);
    const shown: BlockQuantities[] = quantities.map((q, i) => ({ block: q.block, scientificName: permit.specimens[i]?.scientificName, permitted: q.permitted, exported: q.exported }));
    const over = quantities.filter((q) => q.exceeded || q.unitMismatch);
    if (over.length > 0) {
      const detail = over.map((q) => `block ${q.block}: ${q.exported?.quantity} ${q.exported?.unit} endorsed, ${q.permitted.quantity} ${q.permitted.unit} permitted`).join('; ');
      return { ok: true, record, blocks: shown, endorsement: info, problem: { code: 'QUANTITY_EXCEEDED', detail: `${detail}.` } };
    }
    return { ok: true, record, blocks: shown, endorsement: info };
  }
}
