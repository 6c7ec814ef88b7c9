/**
 * The CITES context and the two whole-credential schemas as documents: the context is
 * immutable (a golden file holds its exact bytes, and every agent serves exactly those),
 * well-formed for JSON-LD 1.1 (protected, no `@vocab`, no clash with the protected terms
 * of the contexts before it), and complete (it defines every property the subject schemas
 * allow, including optional ones no example fills). The schemas are served at the URLs the
 * credentials name.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import credentialsContext from 'credentials-context';
import { CONTEXT as STATUS_LIST_CONTEXT } from '@digitalbazaar/vc-bitstring-status-list-context';
import { initAuthority, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { CITES_CONTEXT_V1, CITES_CONTEXT_V1_DOCUMENT, SAIGA_CITES_VOCABULARY } from '../../src/vocab/contexts.js';
import { permitCredentialSchema } from '../../src/permit/credential-schema.js';
import { endorsementCredentialSchema } from '../../src/endorsement/credential-schema.js';
import { PERMIT_SCHEMA } from '../../src/permit/schema.js';
import { ENDORSEMENT_SCHEMA } from '../../src/endorsement/schema.js';
import { CITES_IMPORT_CONTEXT_V1, CITES_IMPORT_CONTEXT_V1_DOCUMENT } from '../../src/vocab/contexts.js';
import { importConfirmationCredentialSchema } from '../../src/import-confirmation/credential-schema.js';
import { IMPORT_CONFIRMATION_SCHEMA } from '../../src/permit/import-confirmation-schema.js';

/** Never regenerated: a changed context is a new version at a new path, with a new golden file. */
const GOLDEN = new URL('./fixtures/cites-context-v1.jsonld', import.meta.url);
const terms = CITES_CONTEXT_V1['@context'] as Record<string, unknown>;

let agent: AuthorityProcess;

beforeAll(async () => {
  agent = await serveAuthority(await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' }));
});

afterAll(async () => {
  await agent?.stop();
});

/** Every property name a subject schema allows, with the property it sits under. */
function schemaProperties(schema: unknown, parent = ''): [string, string][] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const own = Object.entries((node['properties'] ?? {}) as Record<string, unknown>).flatMap(([name, inner]) => [[parent, name] as [string, string], ...schemaProperties(inner, name)]);
  return [...own, ...schemaProperties(node['items'], parent)];
}

/** Is `name` a CITES term where it appears: at the top, or in the scoped context of its parent term? */
function defined(parent: string, name: string): boolean {
  if (name in terms) return true;
  const scoped = (terms[parent] as { '@context'?: Record<string, unknown> } | undefined)?.['@context'];
  return scoped !== undefined && name in scoped;
}

/** Term names a context defines at its top and in its types' scoped contexts. */
function protectedTerms(context: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const [name, definition] of Object.entries(context)) {
    if (name.startsWith('@')) continue;
    names.add(name);
    const scoped = (definition as { '@context'?: Record<string, unknown> })?.['@context'];
    if (scoped) for (const inner of Object.keys(scoped)) if (!inner.startsWith('@')) names.add(inner);
  }
  return names;
}

describe('the CITES context v1', () => {
  it('is byte for byte the golden file', () => {
    expect(CITES_CONTEXT_V1_DOCUMENT).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('is what the agent serves at /contexts/cites/v1, public, as JSON-LD, cached as immutable', async () => {
    const response = await fetch(`${agent.url}/contexts/cites/v1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(CITES_CONTEXT_V1_DOCUMENT);
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('is JSON-LD 1.1, protected, with no @vocab catch-all and every term explicit', () => {
    expect(terms['@version']).toBe(1.1);
    expect(terms['@protected']).toBe(true);
    expect(CITES_CONTEXT_V1_DOCUMENT).not.toContain('@vocab');
    const iris = Object.entries(terms)
      .filter(([name]) => !name.startsWith('@'))
      .map(([name, definition]) => [name, typeof definition === 'string' ? definition : (definition as { '@id': string })['@id']]);
    expect(iris.filter(([, iri]) => !iri!.startsWith(SAIGA_CITES_VOCABULARY))).toEqual([['JsonSchema', 'https://www.w3.org/2018/credentials#JsonSchema']]);
    expect(iris.filter(([name, iri]) => name !== 'JsonSchema' && iri !== `${SAIGA_CITES_VOCABULARY}${name}`)).toEqual([]);
  });

  it('redefines no term of the VC v1 or status-list contexts, which protect theirs', () => {
    const taken = new Set([...protectedTerms(credentialsContext.CONTEXT['@context'] as Record<string, unknown>), ...protectedTerms(STATUS_LIST_CONTEXT['@context'] as Record<string, unknown>)]);
    expect(taken.has('issued') && taken.has('issuer')).toBe(true);
    expect(Object.keys(terms).filter((name) => taken.has(name))).toEqual([]);
  });

  it('defines every property the permit and endorsement subject schemas allow', () => {
    const properties = [...schemaProperties(PERMIT_SCHEMA), ...schemaProperties(ENDORSEMENT_SCHEMA)];
    expect(properties.length).toBeGreaterThan(50);
    expect(properties.filter(([parent, name]) => name !== 'id' && !defined(parent, name))).toEqual([]);
  });
});

/** Issue 9: the import confirmation's terms, in a context of their own, since CITES v1 is frozen. Never regenerated either. */
describe('the CITES import context v1', () => {
  const GOLDEN_IMPORT = new URL('./fixtures/cites-import-context-v1.jsonld', import.meta.url);
  const importTerms = CITES_IMPORT_CONTEXT_V1['@context'] as Record<string, unknown>;

  it('is byte for byte its golden file', () => {
    expect(CITES_IMPORT_CONTEXT_V1_DOCUMENT).toBe(readFileSync(GOLDEN_IMPORT, 'utf8'));
  });

  it('is what the agent serves at /contexts/cites-import/v1, public, as JSON-LD, cached as immutable', async () => {
    const response = await fetch(`${agent.url}/contexts/cites-import/v1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(CITES_IMPORT_CONTEXT_V1_DOCUMENT);
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('is JSON-LD 1.1, protected, with no @vocab, every IRI in the Saiga CITES namespace under its own name', () => {
    expect([importTerms['@version'], importTerms['@protected']]).toEqual([1.1, true]);
    expect(CITES_IMPORT_CONTEXT_V1_DOCUMENT).not.toContain('@vocab');
    const iris = Object.entries(importTerms).filter(([name]) => !name.startsWith('@'));
    expect(iris.filter(([name, iri]) => iri !== `${SAIGA_CITES_VOCABULARY}${name}`)).toEqual([]);
  });

  it('redefines no term of the VC v1, status-list or CITES v1 contexts (each protects its terms)', () => {
    const taken = new Set([
      ...protectedTerms(credentialsContext.CONTEXT['@context'] as Record<string, unknown>),
      ...protectedTerms(STATUS_LIST_CONTEXT['@context'] as Record<string, unknown>),
      ...protectedTerms(terms),
    ]);
    expect(Object.keys(importTerms).filter((name) => !name.startsWith('@') && taken.has(name))).toEqual([]);
  });

  it('with CITES v1, defines every property the import confirmation subject schema allows', () => {
    const properties = schemaProperties(IMPORT_CONFIRMATION_SCHEMA);
    expect(properties.length).toBeGreaterThan(10);
    expect(properties.filter(([parent, name]) => name !== 'id' && !defined(parent, name) && !(name in importTerms))).toEqual([]);
  });
});

describe('the whole-credential schemas', () => {
  it.each([
    ['/schemas/cites-import-confirmation-credential/v1.json', () => importConfirmationCredentialSchema(agent.url)],
    ['/schemas/cites-permit-credential/v1.json', () => permitCredentialSchema(agent.url)],
    ['/schemas/cites-endorsement-credential/v1.json', () => endorsementCredentialSchema(agent.url)],
  ])('%s is served, public, as JSON Schema with its own URL as $id', async (path, schema) => {
    const response = await fetch(`${agent.url}${path}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toBe(JSON.stringify(schema()));
    expect(JSON.parse(body).$id).toBe(`${agent.url}${path}`);
    expect(response.headers.get('content-type')).toBe('application/schema+json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
