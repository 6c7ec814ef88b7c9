/**
 * permit-issued and import-permit, at the receiving Management Authority (docs/exchange.md):
 * the permit is verified with this agent's verifier (the verification core, as a border
 * verifier would: signature, trusted issuer, validity, the CITES permit rules), it must have
 * been sent by its own issuer, and it must concern this authority's country:
 * - permit-issued: an export, re-export or other document whose importer is here (an
 *   expected arrival), or a re-export of specimens that originated here (box 12, so the
 *   country of origin sees its specimens travel on);
 * - import-permit: an import permit whose exporter is here (Art. III(3): the Appendix I
 *   export that will rely on it, Art. III(2)(d)).
 * Then it is kept in incoming_permit. Status and export endorsement are not taken from the
 * verification here: they come from the issuer's own status-changed and export-endorsed messages.
 */
import type { IncomingPermitReads, IncomingPermitRecord, IncomingRelation } from '../../store/incoming-permits.js';
import type { TrustedIssuer } from '../../vocab/trust-list.js';
import type { CheckName, VerificationResult } from '../../verify/verifier-types.js';
import type { EndorsementCheck } from '../../verification/endorsement-check.js';
import type { MessageHandler, ExchangeRefusal, ReceivedMessage } from '../ports.js';
import { bodyValidator } from '../schemas/validate.js';
import { refuse } from './refusal.js';

/** What the imports handlers need from the composition root (part of HandlerDeps, ./index.ts). */
export interface PermitHandlerDeps {
  authority: { did: string; country: string };
  /** The agent's verifier (src/verification/agent-verifier.ts). */
  verify: (jwt: string, at?: Date, options?: { lifecycle?: false }) => Promise<VerificationResult>;
  /** A customs endorsement on its own, with the core's signed-credential steps. */
  verifyEndorsement: EndorsementCheck;
  trusted: () => readonly TrustedIssuer[];
  /** Committed reads of the permits held (the checks write nothing). */
  incomingPermits: Pick<IncomingPermitReads, 'get'>;
}

/** The checks that make a permit genuine and well-formed; status and use come by their own messages. */
const REQUIRED_CHECKS: ReadonlySet<CheckName> = new Set(['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'permit']);

type PermitKind = 'permitIssued' | 'importPermit';

async function checkPermit(deps: PermitHandlerDeps, message: ReceivedMessage<PermitKind>): Promise<{ ok: true; checked: IncomingPermitRecord } | ExchangeRefusal> {
  const jwt = message.body.permit;
  // Status and use come from the issuer's own messages (header comment): reading its status
  // lists and the permit's public record here would cost the issuer a request per permit sent.
  const result = await deps.verify(jwt, message.receivedAt, { lifecycle: false });
  const failed = result.checks.find((c) => !c.ok && REQUIRED_CHECKS.has(c.check));
  if (failed !== undefined) {
    // The issuer's DID document out of reach is a passing fault: the sender tries again.
    if (failed.code === 'ISSUER_UNRESOLVABLE') return refuse('EXCHANGE_CHECK_UNAVAILABLE', failed.message, { retryable: true, path: '/permit' });
    return refuse('EXCHANGE_PERMIT_INVALID', `${failed.code}: ${failed.message}`, { path: '/permit' });
  }
  const { permit, credential } = result;
  if (permit === undefined || credential?.id === undefined) return refuse('EXCHANGE_PERMIT_INVALID', 'The permit has no credential id (jti).', { path: '/permit' });
  if (credential.issuer !== message.from) return refuse('EXCHANGE_SENDER_NOT_ISSUER', `It was issued by ${credential.issuer} and sent by ${message.from}.`);

  const own = deps.authority.country;
  const isImportPermit = permit.documentType === 'import';
  if (isImportPermit !== (message.kind === 'importPermit')) {
    return refuse('EXCHANGE_DOCUMENT_TYPE_MISMATCH', `It is a document of type ${permit.documentType} sent as ${message.kind === 'importPermit' ? 'import-permit' : 'permit-issued'}.`);
  }
  let relation: IncomingRelation | undefined;
  if (isImportPermit) relation = permit.exporter.country === own ? 'import-permit' : undefined;
  else if (permit.importer.country === own) relation = 'import';
  else if (permit.documentType === 're-export' && permit.specimens.some((s) => s.origin?.country === own)) relation = 'origin';
  if (relation === undefined) {
    return refuse('EXCHANGE_NOT_CONCERNED', `${permit.permitNumber} is from ${permit.exporter.country} to ${permit.importer.country}; this authority is in ${own}.`);
  }
  return {
    ok: true,
    checked: {
      credentialId: credential.id,
      issuerDid: credential.issuer,
      permitNumber: permit.permitNumber,
      documentType: permit.documentType,
      exporterCountry: permit.exporter.country,
      importerCountry: permit.importer.country,
      relation,
      validUntil: permit.validUntil,
      permit,
      jwt,
      receivedAt: message.receivedAt.toISOString(),
    },
  };
}

function permitHandler<K extends PermitKind>(kind: K, deps: PermitHandlerDeps): MessageHandler<K, IncomingPermitRecord> & { validate: ReturnType<typeof bodyValidator> } {
  return {
    kind,
    validate: bodyValidator(kind),
    check: (message) => checkPermit(deps, message),
    async apply(work, record) {
      // Box 1 is the document's unique number (Res. Conf. 12.3): a second credential under one issuer's number is refused.
      const held = await work.incomingPermits.byNumber(record.issuerDid, record.permitNumber);
      if (held !== undefined && held.credentialId !== record.credentialId) {
        return refuse('EXCHANGE_PERMIT_NUMBER_REUSED', `${record.permitNumber} of ${record.issuerDid} is held as ${held.credentialId}.`);
      }
      // The same permit again (sent under another message id): already held, nothing changes.
      await work.incomingPermits.insert(record);
      return { ok: true };
    },
  };
}

export const permitIssuedHandler = (deps: PermitHandlerDeps) => permitHandler('permitIssued', deps);
export const importPermitHandler = (deps: PermitHandlerDeps) => permitHandler('importPermit', deps);
