/**
 * What the conformance tests share: a real agent that has issued, endorsed, revoked and
 * suspended permits; a did:web resolver for loopback agents (http, loopback hosts only);
 * the VC Data Model 1.1 decoding of a VC-JWT; and a JSON-LD document loader that serves
 * only the bundled contexts. None of it is Saiga's verification code: the point is to
 * check Saiga's credentials with independent implementations.
 */
import { Resolver, type DIDResolutionResult, type DIDResolver } from 'did-resolver';
import { normalizeCredential } from 'did-jwt-vc';
import credentialsContext from 'credentials-context';
import { CONTEXT as STATUS_LIST_CONTEXT } from '@digitalbazaar/vc-bitstring-status-list-context';
import type { RemoteDocument } from 'jsonld';
import { type AuthorityProcess, createToken, editConfig, initAuthority, readExample, runCli, serveAuthority } from '../helpers/agent-process.js';
import { join } from 'node:path';
import { CITES_CONTEXT_V1, CITES_IMPORT_CONTEXT_V1, isCitesContextV1Url, isCitesImportContextV1Url, STATUS_LIST_V1_CONTEXT, VC_V1_CONTEXT } from '../../src/vocab/contexts.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const failed = (error: string, message: string): DIDResolutionResult => ({
  didResolutionMetadata: { error, message },
  didDocument: null,
  didDocumentMetadata: {},
});

/**
 * did:web (W3C CCG did:web method specification, "Read (Resolve)"), over http and for loopback hosts only, so
 * that it can reach agents on this machine and nothing else: `did:web:localhost%3A8080`
 * is read from `http://localhost:8080/.well-known/did.json`, `did:web:localhost%3A8080:customs`
 * from `http://localhost:8080/customs/did.json`.
 */
export const resolveLoopbackDidWeb: DIDResolver = async (did, parsed) => {
  const [host, ...path] = parsed.id.split(':').map(decodeURIComponent);
  let url: URL;
  try {
    url = new URL(`http://${host}/${path.length > 0 ? path.join('/') : '.well-known'}/did.json`);
  } catch {
    return failed('invalidDid', `not a did:web host: ${host}`);
  }
  if (!LOOPBACK_HOSTS.has(url.hostname)) return failed('notFound', `only loopback did:web is resolved here, not ${url.hostname}`);
  const response = await fetch(url);
  if (!response.ok) return failed('notFound', `${url} answered ${response.status}`);
  const didDocument = (await response.json()) as DIDResolutionResult['didDocument'];
  // did:web, Read: the document's id must be the DID that was resolved.
  if (didDocument?.id !== did) return failed('notFound', `${url} holds the document of ${didDocument?.id}, not ${did}`);
  return { didResolutionMetadata: { contentType: 'application/did+json' }, didDocument, didDocumentMetadata: {} };
};

export const loopbackResolver = (): Resolver => new Resolver({ web: resolveLoopbackDidWeb });

export type DecodedCredential = Record<string, any>;

/**
 * A VC-JWT as a VC Data Model 1.1 credential (§6.3.1 "JWT decoding"): did-jwt-vc maps the
 * registered claims (`iss`, `jti`, `nbf`, `exp`, `sub`) and the properties it knows, then
 * leaves any other property of the `vc` claim under `vc`. Step 1 of §6.3.1 puts the whole
 * `vc` claim into the credential, so those are moved up here (Saiga's `permitRecord`).
 */
export function decodeCredential(jwt: string): DecodedCredential {
  const credential = normalizeCredential(jwt) as DecodedCredential;
  const { vc: rest, ...top } = credential;
  return { ...top, ...(rest ?? {}) };
}

/** The credential without the `proof` object by which did-jwt-vc shows the JWS: it is not JSON-LD data. */
export function withoutProof(credential: DecodedCredential): DecodedCredential {
  const { proof: _proof, ...rest } = credential;
  return rest;
}

/**
 * A JSON-LD document loader with the three contexts Saiga's credentials use, bundled: VC
 * Data Model 1.1 (from `credentials-context`), Bitstring Status List v1.0 (from
 * `@digitalbazaar/vc-bitstring-status-list-context`) and Saiga's CITES v1 (from src/vocab,
 * at any agent's context URL). Anything else is refused: nothing is fetched. `asked` lists
 * every URL the processor asked for.
 */
export function bundledDocumentLoader(): { load: (url: string) => Promise<RemoteDocument>; asked: string[] } {
  const asked: string[] = [];
  const load = async (url: string): Promise<RemoteDocument> => {
    asked.push(url);
    let document: unknown;
    if (url === VC_V1_CONTEXT) document = credentialsContext.CONTEXT;
    else if (url === STATUS_LIST_V1_CONTEXT) document = STATUS_LIST_CONTEXT;
    else if (isCitesContextV1Url(url)) document = CITES_CONTEXT_V1;
    else if (isCitesImportContextV1Url(url)) document = CITES_IMPORT_CONTEXT_V1;
    else throw new Error(`not a bundled context: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
  return { load, asked };
}

export interface IssuedCredentials {
  agent: AuthorityProcess;
  /** A fresh, endorsed permit (neither revoked nor suspended). */
  permit: string;
  endorsement: string;
  revokedPermit: string;
  suspendedPermit: string;
  trustList: string;
  /** An import confirmation signed by the agent's customs (issue 9), for a Swiss permit that reached it for import. */
  importConfirmation: string;
  /** Every example permit, issued (each optional part of the subject appears in one). */
  examples: Record<string, string>;
  /** The status lists the permits name, fetched after the revocation and the suspension. */
  statusList(purpose: 'revocation' | 'suspension'): Promise<string>;
}

/** Every example permit, by the country of the authority that may issue it (its exporter's, or for an import its importer's). */
const EXAMPLES: Record<string, string> = {
  'export-lk-orchids.json': 'LK',
  'export-lk-elephant-samples.json': 'LK',
  're-export-ch-watch-straps.json': 'CH',
  'import-ch-elephant-samples.json': 'CH',
  'pre-convention-no-guitar.json': 'NO',
  'export-no-captive-bred-parrots.json': 'NO',
};

/**
 * A Sri Lankan agent (did:web on loopback) that has issued a permit and endorsed it,
 * issued one more and revoked it, and one more and suspended it. The other examples are
 * permits of other countries' exporters: they are issued where they can be (an authority
 * issues exports only for its own exporters), by agents of those countries.
 */
export async function issueCredentials(): Promise<IssuedCredentials> {
  // The elephant-samples export relies on a Swiss import permit (Art. III(2)(d)): its issuer must be a trusted authority of CH.
  const swiss = { did: 'did:web:cites.blv.admin.ch', country: 'CH', name: 'Federal Food Safety and Veterinary Office' };
  const lk = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla', peers: [swiss] });
  // That authority does not run, so its import permit cannot reach this agent: the export names it only (test/linked/ checks held ones).
  editConfig(lk.config, (saiga) => (saiga.issuance = { requireHeldImportPermit: false }));
  const agent = await serveAuthority(lk);
  const customs = await createToken(agent.config, 'customs', 'Kamal Perera');
  const issue = async (name = 'export-lk-orchids.json'): Promise<{ permitNumber: string; jwt: string }> => {
    const response = await agent.api('/api/permits', { token: agent.officerToken, body: readExample(name) });
    if (response.status !== 201) throw new Error(`issuing ${name}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const act = async (permitNumber: string, action: string, body: unknown) => {
    const response = await agent.api(`/api/permits/${permitNumber}/${action}`, { token: action === 'endorsements' ? customs : agent.officerToken, body });
    if (response.status !== 200 && response.status !== 201) throw new Error(`${action} ${permitNumber}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const permit = await issue();
  const endorsed = await act(permit.permitNumber, 'endorsements', {
    blocks: [{ block: 'A', quantity: 1150 }],
    portOfExport: 'LKCMB',
    date: new Date().toISOString().slice(0, 10),
    transportDocument: '176-12345675',
  });
  const revoked = await issue();
  await act(revoked.permitNumber, 'revoke', { reason: 'stolen' });
  const suspended = await issue();
  await act(suspended.permitNumber, 'suspend', { reason: 'under investigation' });
  const examples: Record<string, string> = {};
  for (const name of Object.keys(EXAMPLES).filter((n) => EXAMPLES[n] === 'LK')) examples[name] = (await issue(name)).jwt;
  const trustList = (await agent.api('/trust-list')).body as string;
  const importConfirmation = await confirmImport(agent, swiss.did, customs);
  const statusList = async (purpose: 'revocation' | 'suspension') => {
    const entry = decodeCredential(permit.jwt).credentialStatus.find((s: { statusPurpose: string }) => s.statusPurpose === purpose);
    return (await fetch(entry.statusListCredential)).text();
  };
  return { agent, permit: permit.jwt, endorsement: endorsed.jwt, revokedPermit: revoked.jwt, suspendedPermit: suspended.jwt, trustList, examples, statusList, importConfirmation };
}

/**
 * Issue 9: a Swiss export of orchids to Sri Lanka, kept in the agent's incoming_permit as the
 * permit-issued handler keeps an expected import (its subject is that of an orchid permit with
 * the countries swapped; the confirmation reads only its number, blocks and issue date), then
 * confirmed by the agent's customs through the API.
 */
async function confirmImport(agent: AuthorityProcess, swissDid: string, customs: string): Promise<string> {
  const orchids = await agent.api('/api/permits', { token: agent.officerToken, body: readExample('export-lk-orchids.json') });
  const stored = (await agent.api(`/api/permits/${orchids.body.permitNumber}`, { token: agent.officerToken })).body;
  const subject = { ...stored.permit, permitNumber: 'CH26-E000001', importer: { ...stored.permit.importer, country: 'LK' }, exporter: { ...stored.permit.exporter, country: 'CH' } };
  const db = await SqliteDatabase.open(join(agent.dir, 'data', 'agent.sqlite'));
  try {
    await db.run(
      `INSERT INTO incoming_permit (credential_id, issuer_did, permit_number, document_type, exporter_country, importer_country, relation, valid_until, subject_json, jwt, received_at)
       VALUES ('urn:uuid:2f0c4a1e-8b3d-4c5e-9a7f-6b1d2e3f4a5b', ?, 'CH26-E000001', 'export', 'CH', 'LK', 'import', ?, ?, ?, ?)`,
      [swissDid, stored.validUntil, JSON.stringify(subject), orchids.body.jwt, new Date().toISOString()],
    );
  } finally {
    await db.close();
  }
  const confirmed = await agent.api('/api/imports/confirmations', {
    token: customs,
    body: { issuer: swissDid, permitNumber: 'CH26-E000001', blocks: [{ block: 'A', quantity: 1000 }], portOfImport: 'LKCMB', date: new Date().toISOString().slice(0, 10) },
  });
  if (confirmed.status !== 201) throw new Error(`confirming the import: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return confirmed.body.jwt;
}

/** Agents of the other examples' countries, each issuing its own examples; for subject coverage. */
export async function issueOtherCountriesExamples(): Promise<{ agents: AuthorityProcess[]; examples: Record<string, string> }> {
  const byCountry: Record<string, string[]> = {};
  for (const [name, country] of Object.entries(EXAMPLES)) if (country !== 'LK') (byCountry[country] ??= []).push(name);
  const examples: Record<string, string> = {};
  const agents: AuthorityProcess[] = [];
  const outcomes = await Promise.allSettled(
    Object.entries(byCountry).map(async ([country, names]) => {
      const agent = await serveAuthority(await initAuthority({ country, name: `CITES Management Authority of ${country}` }));
      agents.push(agent);
      for (const name of names) {
        const response = await agent.api('/api/permits', { token: agent.officerToken, body: readExample(name) });
        if (response.status !== 201) throw new Error(`issuing ${name}: ${response.status} ${JSON.stringify(response.body)}`);
        examples[name] = response.body.jwt;
      }
    }),
  );
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) {
    // Leave no agent running behind a failed setup.
    await Promise.all(agents.map((a) => a.stop()));
    throw failure.reason;
  }
  return { agents, examples };
}
