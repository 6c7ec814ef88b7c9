/**
 * The import confirmations of a permit's public record (issue 9): what the importing
 * country's customs (or its Management Authority) signed as arrived, per block. The record
 * is unsigned; each confirmation is a CITESImportConfirmation VC-JWT that must be signed by
 * an authority trusted for the permit's importer country, concern this permit, and stay
 * within what customs endorsed as exported (or, with no endorsement, what the permit allows).
 * Art. VI(5): a permit covers one consignment, so it has at most one confirmation. Browser-safe.
 */
import type { Permit } from '../permit/model.js';
import { importConfirmationValidator } from '../permit/schema-validators.js';
import { IMPORT_CONFIRMATION_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
import { importedAgainst, type ImportConfirmation } from '../vocab/import-confirmation.js';
import { verifySignedCredential, type SignedCredentialContext, type TrustDecision } from './signed-credential.js';
import { createAssertionKeyStore } from './keys.js';
import { SUPPORTED_ALGORITHMS, webCryptoSuite } from './signature.js';
import type { BlockQuantities, ImportInfo, PermitVerifierOptions, TrustedIssuer } from './verifier-types.js';

/** EdDSA only, as the permit verifier's default (verify.ts DEFAULT_ALGORITHMS; not imported from there, which imports this module). */
const DEFAULT_ALGORITHMS: readonly string[] = ['EdDSA'];

export interface ImportOutcome {
  blocks: BlockQuantities[];
  imported?: ImportInfo;
  problem?: { code: 'CONFIRMATION_INVALID' | 'IMPORTED_QUANTITY_EXCEEDED'; detail: string };
}

export interface ImportCheckInput {
  jwts: readonly string[];
  credentialId: string;
  permit: Permit;
  /** The permit's issuer (the exporting authority). */
  issuer: TrustedIssuer;
  /** Per block, permitted and exported (null: no genuine endorsement), as the endorsement check found them. */
  blocks: BlockQuantities[];
  /** Whether a genuine export endorsement was found: then imports are held against its quantities. */
  endorsed: boolean;
}

/** What a signed confirmation says must fit the permit: its importer's country, a port there, a date on or after issue, only its blocks. */
function mismatch(subject: ImportConfirmation, permit: Permit, country: string): string | undefined {
  if (subject.country !== country) return `It is made out for ${subject.country}, not ${country}, the importer's country.`;
  if (!subject.portOfImport.startsWith(country)) return `Its port ${subject.portOfImport} is not in ${country}.`;
  if (subject.date < permit.issued.date.slice(0, 10)) return `It is dated ${subject.date}, before the permit was issued.`;
  const letters = new Set(permit.specimens.map((s) => s.block));
  const stray = subject.blocks.find((b) => !letters.has(b.block));
  if (stray) return `It names block ${stray.block}, which the permit does not have.`;
  return undefined;
}

export async function checkImportConfirmations(input: ImportCheckInput, signed: SignedCredentialContext, trusted: ReadonlyMap<string, readonly TrustedIssuer[]>): Promise<ImportOutcome> {
  const { permit, blocks } = input;
  const country = permit.importer?.country;
  const invalid = (detail: string): ImportOutcome => ({ blocks, problem: { code: 'CONFIRMATION_INVALID', detail } });
  if (input.jwts.length === 0) return { blocks };
  // Art. VI(5): one permit, one consignment. Two confirmations mean the permit was used twice.
  if (input.jwts.length > 1) return invalid(`The permit carries ${input.jwts.length} import confirmations; it covers one shipment only (Art. VI(5)).`);
  const decideTrust = (did: string): TrustDecision => {
    const entry = trusted.get(did)?.find((t) => (t.role === 'customs' || t.role === 'managementAuthority') && t.country === country);
    return entry ? { ok: true, issuer: entry, message: '' } : { ok: false, detail: `${did} is not a customs or Management Authority trusted for ${country}.` };
  };
  let failure = '';
  const verified = await verifySignedCredential(input.jwts[0]!, { type: IMPORT_CONFIRMATION_CREDENTIAL_TYPE, label: 'import confirmation' }, decideTrust, signed, (_c, ok, code, detail) => {
    if (!ok) failure = `${code}: ${detail}`;
  });
  if (verified === undefined) return invalid(failure);
  if (!importConfirmationValidator()(verified.claims.subject)) return invalid('The import confirmation is malformed.');
  const subject = verified.claims.subject as unknown as ImportConfirmation;
  if (subject.permit.id !== input.credentialId || subject.permit.issuer !== input.issuer.did || subject.permit.permitNumber !== permit.permitNumber) {
    return invalid('The import confirmation refers to another permit.');
  }
  const wrong = mismatch(subject, permit, country);
  if (wrong !== undefined) return invalid(wrong);

  const imported: ImportInfo = {
    confirmedBy: verified.issuer.did,
    authority: verified.issuer.name,
    country: subject.country,
    date: subject.date,
    portOfImport: subject.portOfImport,
    officer: subject.officer,
    ...(subject.exceedsPermitted && { exceedsPermitted: true }),
    ...(verified.claims.id !== undefined && { id: verified.claims.id }),
  };
  const shown: BlockQuantities[] = blocks.map((b) => {
    const named = subject.blocks.filter((x) => x.block === b.block);
    return { ...b, imported: named.length === 0 ? null : { quantity: named.reduce((sum, x) => sum + x.quantity, 0), unit: named[0]!.unit } };
  });
  // Held against what left (the export endorsement), else against the permit.
  const limits = blocks.map((b) => (input.endorsed ? { block: b.block, ...(b.exported ?? { quantity: 0, unit: b.permitted.unit }) } : { block: b.block, ...b.permitted }));
  const over = importedAgainst(limits, subject).filter((q) => q.exceeded || q.unitMismatch);
  if (over.length > 0) {
    const what = input.endorsed ? 'exported' : 'permitted';
    const detail = over.map((q) => `block ${q.block}: ${q.imported?.quantity} ${q.imported?.unit} imported, ${q.limit?.quantity} ${q.limit?.unit} ${what}`).join('; ');
    return { blocks: shown, imported, problem: { code: 'IMPORTED_QUANTITY_EXCEEDED', detail: `${detail}.` } };
  }
  return { blocks: shown, imported };
}

/**
 * The same check for one confirmation on its own, for the permit's issuing agent when the
 * importing authority sends it (src/exchange/handlers/import-confirmed.ts): the same trust,
 * keys and algorithms as the permit verifier, so what a verifier would accept on the record
 * is what the issuer stores.
 */
export function createImportConfirmationChecker(options: Pick<PermitVerifierOptions, 'resolveDid' | 'trustedIssuers' | 'algorithms' | 'signatureSuite'>) {
  const suite = options.signatureSuite ?? webCryptoSuite;
  const signed: SignedCredentialContext = {
    resolveDid: options.resolveDid,
    assertionKeys: createAssertionKeyStore(suite),
    suite,
    // As the permit verifier's: from its allow-list, and only what this core can check (RFC 8725 §3.1).
    allowedAlgorithms: new Set((options.algorithms ?? DEFAULT_ALGORITHMS).filter((a) => SUPPORTED_ALGORITHMS.includes(a))),
  };
  const trusted = new Map<string, TrustedIssuer[]>();
  for (const t of options.trustedIssuers) trusted.set(t.did, [...(trusted.get(t.did) ?? []), t]);
  return (input: ImportCheckInput): Promise<ImportOutcome> => checkImportConfirmations(input, signed, trusted);
}
