/**
 * import-confirmed at the exporting side (issue 9, docs/exchange.md): the importing country's
 * customs (or its Management Authority) say what arrived under a permit issued here. It is
 * kept (import_confirmation, direction 'received') and shown on the permit's public record,
 * where every verifier checks it again.
 *
 * Refused, each with its code: a confirmation that does not verify with the core (signer
 * trusted as customs or MA of the importer's country, this permit, its blocks, port and date),
 * one for a permit not issued here, one sent by an authority that is not a Management Authority
 * of the importer's country, a second one (Art. VI(5); the primary key also answers a race),
 * and quantities above the export endorsement (or, with none, above the permit unless the
 * importing authority flagged it).
 */
import { EXCHANGE_CODES, type ExchangeCode } from '../../codes.js';
import type { Permit } from '../../permit/model.js';
import type { ImportConfirmationReads } from '../../store/import-confirmations.js';
import type { LifecycleReads } from '../../store/lifecycle.js';
import type { PermitReads } from '../../store/permits.js';
import { isConstraintViolation } from '../../store/sqlite.js';
import type { UnitOfWork } from '../../store/unit-of-work.js';
import { decodeBase64url } from '../../vocab/base64url.js';
import { exportedQuantities, type Endorsement } from '../../vocab/endorsement.js';
import type { ImportConfirmation } from '../../vocab/import-confirmation.js';
import type { TrustedIssuer } from '../../vocab/trust-list.js';
import type { ImportCheckInput, ImportOutcome } from '../../verify/import-confirmations.js';
import type { ExchangeRefusal, MessageHandler, ReceivedMessage } from '../ports.js';
import { bodyValidator } from '../schemas/validate.js';

export interface ImportConfirmedDeps {
  /** This authority (the permit's issuer). */
  authority: { did: string; country: string };
  /** Committed reads: the permit issued here, its endorsement, a confirmation already kept. */
  reads: { lifecycle: LifecycleReads; permits: Pick<PermitReads, 'get'>; importConfirmations: Pick<ImportConfirmationReads, 'byPermit'> };
  /** Everyone this agent trusts (the sender must be one of the importer country's Management Authorities). */
  trustedIssuers: () => Promise<readonly TrustedIssuer[]> | readonly TrustedIssuer[];
  /** The core's check of one confirmation (src/verify createImportConfirmationChecker, with the agent's resolver and trust). */
  checkConfirmation: (input: ImportCheckInput) => Promise<ImportOutcome>;
}

export interface CheckedConfirmation {
  permitCredentialId: string;
  permitNumber: string;
  credentialId: string;
  jwt: string;
  subject: ImportConfirmation;
}

const refuse = (code: ExchangeCode, detail: string, extra: { path?: string; retryable?: boolean } = {}): ExchangeRefusal => ({ ok: false, code, message: `${EXCHANGE_CODES[code]} ${detail}`.trim(), ...extra });

/** The permit a confirmation names, read before it is verified only to find the permit it must be checked against. */
function namedPermitId(jwt: string): string | undefined {
  const bytes = decodeBase64url(jwt.split('.')[1] ?? '');
  if (!bytes) return undefined;
  try {
    const id = (JSON.parse(new TextDecoder().decode(bytes)) as { vc?: { credentialSubject?: { permit?: { id?: unknown } } } })?.vc?.credentialSubject?.permit?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

export function importConfirmedHandler(deps: ImportConfirmedDeps): MessageHandler<'importConfirmed', CheckedConfirmation> & { validate(body: unknown): ExchangeRefusal | undefined } {
  return {
    kind: 'importConfirmed',
    // The body's JSON Schema (src/exchange/schemas/): `{ confirmation: VC-JWT }`.
    validate: bodyValidator('importConfirmed'),
    async check(message: ReceivedMessage<'importConfirmed'>) {
      const jwt = message.body.confirmation;
      const permitId = namedPermitId(jwt);
      if (permitId === undefined) return refuse('IMPORT_CONFIRMATION_UNVERIFIED', 'It names no permit.', { path: '/confirmation' });
      const life = await deps.reads.lifecycle.life({ credentialId: permitId });
      if (!life) return refuse('IMPORT_CONFIRMATION_NOT_OWN_PERMIT', `No permit with credential id ${permitId} was issued here.`, { path: '/confirmation' });
      const stored = (await deps.reads.permits.get(life.permitNumber))!;
      const permit = stored.permit as Permit;
      const country = permit.importer.country;
      const sender = (await deps.trustedIssuers()).find((t) => t.did === message.from && t.role === 'managementAuthority' && t.country === country);
      if (!sender) return refuse('IMPORT_CONFIRMATION_WRONG_SENDER', `${message.from} is not a Management Authority of ${country}, the importer's country of ${life.permitNumber}.`);
      if (await deps.reads.importConfirmations.byPermit(permitId)) return refuse('IMPORT_ALREADY_CONFIRMED', `${life.permitNumber} already has an import confirmation.`);

      // Held against this authority's own export endorsement, when customs endorsed the permit.
      const [endorsement] = await deps.reads.lifecycle.endorsements(life.permitNumber);
      const used = endorsement ? exportedQuantities(permit, endorsement.subject as Endorsement) : undefined;
      const blocks = permit.specimens.map((s, i) => ({ block: s.block, scientificName: s.scientificName, permitted: { quantity: s.quantity, unit: s.unit }, exported: used?.[i]?.exported ?? null }));
      const outcome = await deps.checkConfirmation({ jwts: [jwt], credentialId: permitId, permit, issuer: { did: deps.authority.did, role: 'managementAuthority', country: deps.authority.country, name: '' }, blocks, endorsed: endorsement !== undefined });
      if (outcome.problem?.code === 'CONFIRMATION_INVALID' || !outcome.imported?.id) {
        return refuse('IMPORT_CONFIRMATION_UNVERIFIED', outcome.problem?.detail ?? 'It has no credential id.', { path: '/confirmation' });
      }
      if (outcome.problem?.code === 'IMPORTED_QUANTITY_EXCEEDED') {
        if (endorsement) return refuse('IMPORT_QUANTITY_ABOVE_EXPORTED', outcome.problem.detail, { path: '/confirmation' });
        // No endorsement: more than permitted is kept only when the importing authority flagged it in what it signed.
        if (!outcome.imported.exceedsPermitted) return refuse('IMPORT_QUANTITY_ABOVE_PERMITTED', `${outcome.problem.detail} It is not flagged as such.`, { path: '/confirmation' });
      }
      const subject = JSON.parse(new TextDecoder().decode(decodeBase64url(jwt.split('.')[1]!)!)).vc.credentialSubject as ImportConfirmation;
      return { ok: true, checked: { permitCredentialId: permitId, permitNumber: life.permitNumber, credentialId: outcome.imported.id, jwt, subject } };
    },
    async apply(work: UnitOfWork, checked: CheckedConfirmation, message: ReceivedMessage<'importConfirmed'>) {
      try {
        await work.savepoint(() =>
          work.importConfirmations.insert({
            permitCredentialId: checked.permitCredentialId,
            credentialId: checked.credentialId,
            permitIssuerDid: deps.authority.did,
            permitNumber: checked.permitNumber,
            direction: 'received',
            jwt: checked.jwt,
            subject: checked.subject,
            officer: checked.subject.officer,
            createdAt: message.receivedAt.toISOString(),
          }),
        );
      } catch (error) {
        // A second confirmation committed between check and apply: the primary key kept it to one (Art. VI(5)).
        if (isConstraintViolation(error)) return refuse('IMPORT_ALREADY_CONFIRMED', `${checked.permitNumber} already has an import confirmation.`);
        throw error;
      }
      return { ok: true };
    },
  };
}
