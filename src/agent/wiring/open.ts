/**
 * Opens a Saiga agent from its agent.yml: configuration, secret, Veramo agent, identity,
 * a signing self-test, Saiga's own tables, the permit issuer and the verifier.
 * Everything that can be wrong with a deployment fails here, at start, with a clear message.
 */
import { createPublicKey, randomInt, randomUUID, verify as verifySignature } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ICredentialPlugin, IDIDManager, IKeyManager, IResolver, TAgent } from '@veramo/core';
import { loadConfig, type LoadedConfig } from '../config/config.js';
import { ConfigError, createObjects } from '../config/yaml-loader.js';
import { loadSecret, SecretError, SECRET_ENV } from '../identity/secret.js';
import { findOrCreateIdentity, refuseSilentNewIdentity, type AuthorityIdentity } from '../identity/identity.js';
import { buildDidDocument, ed25519Jwk, verificationMethodId } from '../identity/did-document.js';
import type { DidDocument, FetchLike, TrustedIssuer } from '../../verify/index.js';
import { importPermitTrust } from '../../permit/import-permit.js';
import { createAgentVerifier, mergeTrust, trustedIssuersOf, type AgentVerifier } from '../../verification/agent-verifier.js';
import { loadTrustList, type AgentTrustList } from '../../trust/agent-trust-list.js';
import type { SqliteDatabase } from '../../store/sqlite.js';
import { openAgentDatabase } from '../../store/open-database.js';
import { migrate } from '../../store/migrations.js';
import { PermitStore } from '../../store/permits.js';
import { TokenStore } from '../../auth/tokens.js';
import { PermitIssuer } from '../../issuance/issue.js';
import type { CredentialPayload } from '@veramo/core';
import { StatusLists } from '../../status/service.js';
import { recordUrl } from '../../record/public-record.js';
import { PermitLifecycle } from '../lifecycle.js';
import { createLocalFetch } from '../../verification/local-fetch.js';
import { serveOwn } from '../own-resources.js';

export type VeramoAgent = TAgent<IDIDManager & IKeyManager & IResolver & ICredentialPlugin>;

export interface SaigaAgent {
  config: LoadedConfig;
  veramo: VeramoAgent;
  identity: AuthorityIdentity;
  /** The writing connection: issuing batches and lifecycle changes. */
  db: SqliteDatabase;
  /** A read-only connection: every read the outside world sees, so only committed data (never an open batch). */
  reads: SqliteDatabase;
  permits: PermitStore;
  tokens: TokenStore;
  issuer: PermitIssuer;
  verifier: AgentVerifier;
  /** This authority's DID document (served at its did:web location). */
  didDocument: DidDocument;
  /** The customs identity, which signs export endorsements, and its DID document. */
  customs: AuthorityIdentity;
  customsDidDocument: DidDocument;
  statusLists: StatusLists;
  lifecycle: PermitLifecycle;
  /** The trust-anchor identity, which signs this agent's own trust list. */
  anchor: AuthorityIdentity;
  anchorDidDocument: DidDocument;
  /** The trust list this agent serves, and the issuers it adds. */
  trust: AgentTrustList;
  /** fetch that answers this agent's own status lists and records from its database. */
  ownFetch: FetchLike;
  /** URL of the subject-only permit JSON Schema served for permits issued before the whole-credential schema. */
  schemaUrl: string;
  /** Signs a credential as the trust anchor (VC-JWT with its `kid`). */
  signAsAnchor: (credential: object) => Promise<string>;
  /** True when this call created the identity (a first start). */
  created: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  configPath: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Create the secret and the identity if this agent has none yet (init and serve do; other commands do not). */
  initialise?: boolean;
  /** Create a new identity even though the data folder shows an earlier one (its database is gone). */
  newIdentity?: boolean;
  now?: () => Date;
}

export const SCHEMA_PATH = '/schemas/cites-permit/v1.json';

/** Signs and checks one message, so that a wrong secret fails now, not at the first permit. */
async function selfTest(veramo: VeramoAgent, identity: AuthorityIdentity, databaseFile: string): Promise<void> {
  const message = `saiga self-test ${new Date().toISOString()}`;
  let signature: string;
  try {
    signature = await veramo.keyManagerSign({ keyRef: identity.kid, data: message, algorithm: 'EdDSA', encoding: 'utf-8' });
  } catch (error) {
    throw new SecretError(
      `the secret key does not open the key store in ${databaseFile} (${SECRET_ENV} or the secret file is not the one this agent was created with): ${(error as Error).message}`,
    );
  }
  const publicKey = createPublicKey({ key: ed25519Jwk(identity.publicKeyHex), format: 'jwk' });
  if (!verifySignature(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64url'))) {
    throw new SecretError(`the signing self-test failed for ${identity.did}: the stored key does not match its public key`);
  }
}

export async function openAgent(options: OpenOptions): Promise<SaigaAgent> {
  const config = loadConfig(options.configPath);
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const base = { baseDir: config.baseDir, env };
  const { databaseFile } = (await createObjects(config.document, { databaseFile: '/constants/databaseFile' }, base)) as {
    databaseFile: string;
  };
  const dataDir = dirname(databaseFile);
  const isNew = !existsSync(databaseFile);
  if (isNew && !options.initialise) {
    throw new ConfigError(`no agent database at ${databaseFile}: run "saiga init --config ${config.configPath}" or "saiga serve" first`, '/constants/databaseFile');
  }
  refuseSilentNewIdentity(databaseFile, dataDir, Boolean(options.newIdentity), existsSync);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = loadSecret({ env, file: join(dataDir, 'secret.key'), create: isNew && Boolean(options.initialise) });

  // Before Veramo touches the file: a damaged database stops here with one clear message.
  const { db, reads, close: closeDatabase } = await openAgentDatabase(databaseFile);
  // The key store is encrypted, but permits and token hashes are not meant for other users either.
  chmodSync(databaseFile, 0o600);
  let objects: { agent: VeramoAgent; dbConnection: { destroy(): Promise<void>; isInitialized: boolean } } | undefined;
  const closeAll = async () => {
    await closeDatabase();
    if (objects?.dbConnection.isInitialized) await objects.dbConnection.destroy().catch(() => undefined);
  };
  try {
    objects = (await createObjects(
      config.document,
      { agent: '/agent', dbConnection: '/dbConnection' },
      { baseDir: config.baseDir, env: { ...env, [SECRET_ENV]: secret.key } },
    )) as { agent: VeramoAgent; dbConnection: { destroy(): Promise<void>; isInitialized: boolean } };
    const veramo = objects.agent;
    await migrate(db);
    const { identity, created } = await findOrCreateIdentity(veramo, config, Boolean(options.initialise));
    // The customs identity came with the endorsement feature: an agent made before it gets one now.
    const { identity: customs } = await findOrCreateIdentity(veramo, config, true, 'customs');
    const { identity: anchor } = await findOrCreateIdentity(veramo, config, true, 'anchor');
    await selfTest(veramo, identity, databaseFile);
    await selfTest(veramo, customs, databaseFile);

    const { url } = config.saiga;
    /**
     * Signs a credential as a VC-JWT with one identity's key, through Veramo. The JOSE header
     * names the verification method that signed it (RFC 7515 §4.1.4 `kid`, the absolute DID
     * URL of did-document.ts), so verifiers use that key alone.
     */
    const signAs = (who: AuthorityIdentity) => {
      const kid = verificationMethodId(who.did, who.publicKeyHex);
      return async (credential: object) => {
        const header = { alg: 'EdDSA', typ: 'JWT', kid: await kid };
        const signed = await veramo.createVerifiableCredential({ credential: credential as CredentialPayload, proofFormat: 'jwt', keyRef: who.kid, header });
        if ((signed.issuer as { id?: string }).id !== who.did && signed.issuer !== who.did) throw new Error(`signed by the wrong identity: ${String(signed.issuer)}`);
        const jwt = (signed.proof as { jwt: string }).jwt;
        const signedHeader = JSON.parse(Buffer.from(jwt.slice(0, jwt.indexOf('.')), 'base64url').toString('utf8')) as Record<string, unknown>;
        if (signedHeader.kid !== header.kid) throw new Error(`the signed JWT does not name its key (kid ${String(signedHeader.kid)})`);
        return jwt;
      };
    };
    const newCredentialId = () => `urn:uuid:${randomUUID()}`;
    const permits = new PermitStore(db, reads, now);
    const schemaUrl = `${url}${SCHEMA_PATH}`;
    const statusLists = new StatusLists({ baseUrl: url, issuerDid: identity.did, sign: signAs(identity), now, randomIndex: (n) => randomInt(n) });
    // Everyone this agent trusts, once its trust list is loaded below (issuance needs it only after openAgent returns).
    let trusted: TrustedIssuer[] = [];
    const issuer = new PermitIssuer({
      authority: { ...config.saiga.authority, did: identity.did },
      numberFormat: config.numberFormat,
      agentUrl: url,
      sign: signAs(identity),
      store: permits,
      statusLists,
      recordUrl: (credentialId) => recordUrl(url, credentialId),
      now,
      newCredentialId,
      trust: () => importPermitTrust(trusted, true),
    });
    const lifecycle = new PermitLifecycle(
      db,
      reads,
      statusLists,
      { authority: { did: identity.did, country: config.saiga.authority.country }, customsDid: customs.did, agentUrl: url, sign: signAs(customs), now, newCredentialId },
      now,
    );
    const didDocument = await buildDidDocument(identity.did, identity.identifier.keys);
    const customsDidDocument = await buildDidDocument(customs.did, customs.identifier.keys);
    const anchorDidDocument = await buildDidDocument(anchor.did, anchor.identifier.keys);
    const documents = [didDocument, customsDidDocument, anchorDidDocument];
    const localFetch = createLocalFetch(url, (path) => serveOwn(path, reads, identity.did), globalThis.fetch.bind(globalThis));
    const ownTrust = trustedIssuersOf(config, identity, customs);
    const trust = await loadTrustList({ config, ownTrust, anchor, documents, fetch: localFetch, sign: signAs(anchor), now: now() });
    trusted = mergeTrust(ownTrust, trust.issuers);
    return {
      config,
      didDocument,
      customs,
      customsDidDocument,
      veramo,
      identity,
      db,
      reads,
      permits,
      statusLists,
      lifecycle,
      ownFetch: localFetch,
      tokens: new TokenStore(db, reads, now),
      issuer,
      anchor,
      anchorDidDocument,
      trust,
      verifier: createAgentVerifier({ config, trustedIssuers: trusted, documents, fetch: localFetch }),
      schemaUrl,
      signAsAnchor: signAs(anchor),
      created,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
