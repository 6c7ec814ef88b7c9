/**
 * Confirming an import (the importing side): the officer's request checked against the permit
 * that reached this authority (incoming_permit, relation 'import') and what its issuer
 * notified (status, export endorsement), signed as a CITESImportConfirmation VC-JWT by the
 * customs DID, stored (direction 'made') and handed to the outbox for the permit's issuer,
 * all in the caller's unit of work: the message exists exactly when the confirmation does.
 * The table's primary key is the permit's credential id (Art. VI(5): one permit, one consignment).
 */
import type { ExchangeEvents } from '../exchange/ports.js';
import type { Permit } from '../permit/model.js';
import type { UnitOfWork } from '../store/unit-of-work.js';
import { IMPORT_CONFIRMATION_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
import { agentResourceUrl, IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH } from '../vocab/contexts.js';
import type { Endorsement } from '../vocab/endorsement.js';
import type { ImportConfirmation } from '../vocab/import-confirmation.js';
import type { UnsignedVc } from '../vocab/unsigned-vc.js';
import { EXCHANGE_CODES } from '../codes.js';
import { importConfirmationContexts } from './credential-schema.js';
import { validateConfirmationRequest, type ConfirmationIssue } from './validate.js';
import { actorOf, AUDIT_ACTIONS } from '../audit/record.js';

export interface ConfirmDeps {
  authority: { did: string; country: string };
  customsDid: string;
  /** The agent's public URL: where it serves the contexts and the confirmation schema. */
  agentUrl: string;
  /** Signs as the customs identity (`signAs('customs')`). */
  sign: (credential: UnsignedImportConfirmation) => Promise<string>;
  now: () => Date;
  newCredentialId: () => string;
  /** The transactional outbox (src/exchange/events.ts); without it nothing is sent. */
  exchange?: ExchangeEvents;
}

export interface UnsignedImportConfirmation extends UnsignedVc<ImportConfirmation> {
  credentialSchema: { id: string; type: 'JsonSchema' };
}

export function buildImportConfirmationCredential(a: { id: string; customsDid: string; agentUrl: string; issuedAt: Date; confirmation: ImportConfirmation }): UnsignedImportConfirmation {
  return {
    '@context': importConfirmationContexts(a.agentUrl),
    id: a.id,
    type: ['VerifiableCredential', IMPORT_CONFIRMATION_CREDENTIAL_TYPE],
    issuer: { id: a.customsDid },
    issuanceDate: a.issuedAt.toISOString(),
    credentialSchema: { id: agentResourceUrl(a.agentUrl, IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH), type: 'JsonSchema' },
    credentialSubject: a.confirmation,
  };
}

export interface ConfirmingOfficer {
  name: string;
  tokenId?: string;
}

export type ConfirmOutcome =
  | { ok: true; id: string; jwt: string; confirmation: ImportConfirmation; warnings: ConfirmationIssue[] }
  | { ok: false; errors: ConfirmationIssue[] };

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export async function confirmImport(
  work: Pick<UnitOfWork, 'importConfirmations' | 'audit'> & Partial<UnitOfWork>,
  deps: ConfirmDeps,
  input: unknown,
  officer: ConfirmingOfficer,
): Promise<ConfirmOutcome> {
  const request = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const [issuer, permitNumber] = [text(request['issuer']), text(request['permitNumber'])];
  const expected = issuer && permitNumber ? await work.importConfirmations.expectedImport(issuer, permitNumber) : undefined;
  if (!expected) {
    const detail = issuer && permitNumber ? `Permit ${permitNumber} of ${issuer} is not among the expected imports.` : 'Give the issuing authority (issuer) and the permit number.';
    return { ok: false, errors: [{ code: 'IMPORT_PERMIT_UNKNOWN', path: issuer && permitNumber ? '' : issuer ? '/permitNumber' : '/issuer', message: `${EXCHANGE_CODES.IMPORT_PERMIT_UNKNOWN} ${detail}` }] };
  }
  const now = deps.now();
  const checked = validateConfirmationRequest(input, {
    permit: expected.subject as Permit,
    status: expected.status,
    endorsement: (expected.endorsement as Endorsement | null) ?? null,
    confirmed: (await work.importConfirmations.byPermit(expected.credentialId)) !== undefined,
    authorityCountry: deps.authority.country,
    now,
  });
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const confirmation: ImportConfirmation = {
    permit: { id: expected.credentialId, permitNumber: expected.permitNumber, issuer: expected.issuerDid },
    blocks: checked.blocks,
    portOfImport: request['portOfImport'] as string,
    date: request['date'] as string,
    officer: officer.name,
    country: deps.authority.country,
    ...(checked.exceedsPermitted && { exceedsPermitted: true as const }),
  };
  const id = deps.newCredentialId();
  const jwt = await deps.sign(buildImportConfirmationCredential({ id, customsDid: deps.customsDid, agentUrl: deps.agentUrl, issuedAt: now, confirmation }));
  await work.importConfirmations.insert({
    permitCredentialId: expected.credentialId,
    credentialId: id,
    permitIssuerDid: expected.issuerDid,
    permitNumber: expected.permitNumber,
    direction: 'made',
    jwt,
    subject: confirmation,
    officer: officer.name,
    createdAt: now.toISOString(),
    ...(officer.tokenId !== undefined && { actorToken: officer.tokenId }),
  });
  await deps.exchange?.record(work as UnitOfWork, { kind: 'importConfirmed', permitIssuerDid: expected.issuerDid, permitCredentialId: expected.credentialId, jwt });
  // The permit is the exporter's: the entry names its number and issuer (retention: the expiry is in its credential).
  await work.audit.append({
    actor: actorOf(officer),
    action: AUDIT_ACTIONS.importConfirm,
    subject: expected.permitNumber,
    after: { credentialId: id, jwt },
    details: { credentialId: id, permitIssuer: expected.issuerDid, permitCredentialId: expected.credentialId },
  });
  return { ok: true, id, jwt, confirmation, warnings: checked.warnings };
}
