/**
 * JSON-LD contexts and published schema locations of Saiga's credentials: the shared
 * vocabulary of the issuing side and every verifier. A leaf module: it imports nothing from
 * outside src/vocab. Browser-safe.
 *
 * A context is immutable once shipped (JSON-LD 1.1 §4.1.11 protected terms, and every
 * verifier's bundled copy depend on it): a change is a new version at a new URL.
 */

/** VC Data Model 1.1 §4.1: the first `@context` item of every credential. */
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

/** W3C Bitstring Status List v1.0 §2.1: defines BitstringStatusListEntry, BitstringStatusListCredential and their terms. */
export const STATUS_LIST_V1_CONTEXT = 'https://www.w3.org/ns/credentials/status/v1';

export { CITES_CONTEXT_V1, CITES_CONTEXT_V1_DOCUMENT, SAIGA_CITES_VOCABULARY } from './cites-context-v1.js';

/** Path at which every agent serves Saiga's CITES context, version 1 (the document is CITES_CONTEXT_V1). */
export const CITES_CONTEXT_V1_PATH = '/contexts/cites/v1';

/**
 * The CITES context URL an agent puts in its credentials: its own public URL plus the
 * context's path, so a verifier without the bundled copy can get it from the issuer.
 * @example citesContextUrl('https://cites.example.org') // 'https://cites.example.org/contexts/cites/v1'
 */
export function citesContextUrl(agentUrl: string): string {
  return agentResourceUrl(agentUrl, CITES_CONTEXT_V1_PATH);
}

/**
 * A resource an agent publishes: its public URL (`saiga.url`, a trailing slash ignored) and the
 * path. The credentials name these URLs and the agent serves them, so both sides build them here.
 * @example agentResourceUrl('https://cites.example.org/', PERMIT_CREDENTIAL_SCHEMA_PATH)
 */
export function agentResourceUrl(agentUrl: string, path: string): string {
  return `${agentUrl.replace(/\/+$/, '')}${path}`;
}

/** True for any agent's CITES context v1 URL (https, or http on loopback as for did:web). */
export function isCitesContextV1Url(url: string): boolean {
  return isAgentContextUrl(url, CITES_CONTEXT_V1_PATH);
}

// Import confirmation (issue 9): its terms are in a context of their own, since CITES v1 is frozen.
export { CITES_IMPORT_CONTEXT_V1, CITES_IMPORT_CONTEXT_V1_DOCUMENT } from './cites-import-context-v1.js';
/** Path at which every agent serves Saiga's CITES import context, version 1. */
export const CITES_IMPORT_CONTEXT_V1_PATH = '/contexts/cites-import/v1';
/** @example citesImportContextUrl('https://cites.example.org') // 'https://cites.example.org/contexts/cites-import/v1' */
export function citesImportContextUrl(agentUrl: string): string {
  return agentResourceUrl(agentUrl, CITES_IMPORT_CONTEXT_V1_PATH);
}
/** True for any agent's CITES import context v1 URL (https, or http on loopback). */
export function isCitesImportContextV1Url(url: string): boolean {
  return isAgentContextUrl(url, CITES_IMPORT_CONTEXT_V1_PATH);
}
/** Where each agent publishes the JSON Schema of a whole import-confirmation credential. */
export const IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH = '/schemas/cites-import-confirmation-credential/v1.json';

function isAgentContextUrl(url: string, path: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]';
  return (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback)) && parsed.pathname === path && parsed.search === '' && parsed.hash === '';
}

/** Where each agent publishes the JSON Schema of a whole permit credential (VC JSON Schema `JsonSchema`). */
export const PERMIT_CREDENTIAL_SCHEMA_PATH = '/schemas/cites-permit-credential/v1.json';
/** Where each agent publishes the JSON Schema of a whole export-endorsement credential. */
export const ENDORSEMENT_CREDENTIAL_SCHEMA_PATH = '/schemas/cites-endorsement-credential/v1.json';
