/**
 * Recording a customs export endorsement (boxes 14 and 15): checked against the permit
 * and its state, signed as a CITESExportEndorsement VC-JWT by the authority's customs
 * DID, and stored — all in the caller's unit of work. The endorsement table's primary key
 * is the permit number, so of two officers endorsing at the same moment exactly one
 * succeeds (Art. VI(5): one permit, one consignment).
 */
import type { LifecycleIssue } from '../codes.js';
import type { UnitOfWork } from '../store/unit-of-work.js';
import type { ExchangeEvents } from '../exchange/ports.js';
import type { UnsignedVc } from '../vocab/unsigned-vc.js';
import { agentResourceUrl, citesContextUrl, ENDORSEMENT_CREDENTIAL_SCHEMA_PATH, VC_V1_CONTEXT } from '../vocab/contexts.js';
import { ENDORSEMENT_CREDENTIAL_TYPE, type Endorsement } from './model.js';
import { validateEndorsementRequest } from './validate.js';
import { actorOf, AUDIT_ACTIONS, auditPermitAction } from '../audit/record.js';

export interface EndorseDeps {
  authority: { did: string; country: string };
  customsDid: string;
  /** The agent's public URL (`saiga.url`): where it serves the CITES context and the endorsement schema. */
  agentUrl: string;
  sign: (credential: UnsignedEndorsement) => Promise<string>;
  now: () => Date;
  newCredentialId: () => string;
  /** The exchange's outbox: the endorsement reaches the peers that were sent the permit, in the same unit of work. */
  exchange?: ExchangeEvents;
}

export interface UnsignedEndorsement extends UnsignedVc<Endorsement> {
  credentialSchema: { id: string; type: 'JsonSchema' };
}

/** The export-endorsement credential, unsigned (signed by the customs DID). */
export function buildEndorsementCredential(a: { id: string; customsDid: string; agentUrl: string; issuedAt: Date; endorsement: Endorsement }): UnsignedEndorsement {
  return {
    // VC Data Model 1.1 §4.1, then Saiga's CITES context for CITESExportEndorsement and its subject.
    '@context': [VC_V1_CONTEXT, citesContextUrl(a.agentUrl)],
    id: a.id,
    type: ['VerifiableCredential', ENDORSEMENT_CREDENTIAL_TYPE],
    issuer: { id: a.customsDid },
    issuanceDate: a.issuedAt.toISOString(),
    // VC JSON Schema §3.1: a schema of the whole credential.
    credentialSchema: { id: agentResourceUrl(a.agentUrl, ENDORSEMENT_CREDENTIAL_SCHEMA_PATH), type: 'JsonSchema' },
    credentialSubject: a.endorsement,
  };
}

export interface CustomsOfficer {
  name: string;
  tokenId?: string;
}

export type EndorseOutcome = { ok: true; id: string; jwt: string; endorsement: Endorsement } | { ok: false; errors: LifecycleIssue[] };

export async function endorsePermit(
  work: UnitOfWork,
  deps: EndorseDeps,
  permitNumber: string,
  input: unknown,
  officer: CustomsOfficer,
): Promise<EndorseOutcome> {
  const store = work.lifecycle;
  const life = await store.life({ permitNumber });
  if (!life) return { ok: false, errors: [{ code: 'NOT_OWN_PERMIT', path: '', message: `This authority did not issue a permit numbered ${permitNumber}.` }] };
  // The permit row exists: its life was just read in the same transaction.
  const permit = (await work.permits.permit(permitNumber))!;
  const now = deps.now();
  const checked = validateEndorsementRequest(input, {
    permit,
    state: { revoked: life.state === 'revoked', suspended: life.state === 'suspended', endorsed: life.endorsed },
    authorityCountry: deps.authority.country,
    now,
  });
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const request = input as { portOfExport: string; date: string; transportDocument: string };
  const endorsement: Endorsement = {
    permit: { id: life.credentialId, permitNumber, issuer: deps.authority.did },
    blocks: checked.blocks,
    portOfExport: request.portOfExport,
    date: request.date,
    transportDocument: request.transportDocument,
    officer: officer.name,
    country: deps.authority.country,
  };
  const id = deps.newCredentialId();
  const jwt = await deps.sign(buildEndorsementCredential({ id, customsDid: deps.customsDid, agentUrl: deps.agentUrl, issuedAt: now, endorsement }));
  await store.insertEndorsement({ permitNumber, credentialId: id, jwt, officer: officer.name, subject: endorsement, createdAt: now.toISOString(), ...(officer.tokenId !== undefined && { actorToken: officer.tokenId }) });
  const exported = checked.blocks.map((b) => `${b.block} ${b.quantity} ${b.unit}`).join(', ');
  await store.addEvent(permitNumber, { action: 'endorse', reason: `${exported}; ${request.portOfExport} ${request.date}`, actor: officer.name, at: now.toISOString(), ...(officer.tokenId !== undefined && { actorToken: officer.tokenId }) });
  await deps.exchange?.record(work, { kind: 'exportEndorsed', permitNumber, credentialId: life.credentialId, jwt });
  await auditPermitAction(work, { actor: actorOf(officer), action: AUDIT_ACTIONS.endorse, permitNumber, before: life, after: { credentialId: id, jwt }, details: { credentialId: id, blocks: exported } });
  return { ok: true, id, jwt, endorsement };
}
