/**
 * The composition root of a signing agent: configuration, secret, Veramo, identities, a
 * signing self-test, Saiga's own tables, and the capabilities built from them (./capabilities.ts).
 * Everything that can be wrong with a deployment fails here, at start, with a clear message.
 *
 * `kind: 'sign'` opens what a signing command needs: the self-test of the identity it signs
 * with, and the trust list agent.yml names read as it is (never re-signed). `kind: 'serve'`
 * opens everything, self-tests the authority and customs identities, and signs the agent's
 * own trust list once when agent.yml names none.
 */
import { auditSigning, auditTrail } from '../../audit/service.js';
import { authorityKeysOf, serveAudit } from './audit.js';
import { randomInt, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/config.js';
import { ConfigError, createObjects } from '../config/yaml-loader.js';
import { loadSecret, SECRET_ENV } from '../identity/secret.js';
import { findOrCreateIdentity, refuseSilentNewIdentity, type AuthorityIdentity } from '../identity/identity.js';
import { IdentityDocuments } from '../identity/identity-documents.js';
import { selfTest } from '../identity/self-test.js';
import type { DidDocument, FetchLike, TrustedIssuer, VerificationResult } from '../../verify/index.js';
import { importPermitTrust } from '../../permit/import-permit.js';
import { createAgentVerifier, mergeTrust, trustedIssuersOf, type AgentVerifier } from '../../verification/agent-verifier.js';
import { loadTrustList, readConfiguredTrustList, type AgentTrustList } from '../../trust/agent-trust-list.js';
import type { SqliteDatabase } from '../../store/sqlite.js';
import { openAgentDatabase } from '../../store/open-database.js';
import { migrate } from '../../store/migrations.js';
import type { PermitReads } from '../../store/permits.js';
import { SaigaStore } from '../../store/unit-of-work.js';
import { TokenStore } from '../../auth/tokens.js';
import { UserStore } from '../../auth/users.js';
import { provenTotpBox } from './totp-box.js';
import { SessionStore } from '../../auth/sessions.js';
import { dashboardCounts } from '../../store/dashboard.js';
import { DraftService } from '../../issuance/drafts.js';
import { HolderLinks } from '../../holder/links.js';
import { WalletOffers } from '../../holder/wallet-offer.js';
import type { HolderLinkMailer } from '../../holder/mailer.js';
import { PermitIssuer } from '../../issuance/issue.js';
import { createImportPermitCheck } from '../../issuance/import-permit-check.js';
import { createOriginPermitCheck } from '../../issuance/origin-permit-check.js';
import { createHeldPermitReads } from '../../store/held-permits.js';
import { StatusLists } from '../../status/service.js';
import { recordUrl } from '../../record/public-record.js';
import { PermitLifecycle } from '../../lifecycle/permit-lifecycle.js';
import { ImportConfirmations } from '../../import-confirmation/service.js';
import { createLocalFetch } from '../../verification/local-fetch.js';
import { serveOwn } from '../../record/own-resources.js';
import { lazyReports } from './open-readonly.js';
import type { ServeCapabilities, SignCapabilities, Signer, SigningRole } from './capabilities.js';
import { signerOf, type VeramoAgent } from './signer.js';
import { KeyRing, keyOutcome } from './key-ring.js';
import { createEnvelope, missingDidcomm } from './didcomm-envelope.js';
import { openMailer } from './mail.js';
import { didDocumentCacheOf } from './didcomm-resolver.js';
import { exchangeOperator, exchangeRouter, serveExchange } from './exchange.js';
import { handlersFor } from '../../exchange/handlers/index.js';
import { createToolkitLookup } from '../../toolkit-xml/lookup.js';
import { nodeCryptoSuite } from '../../verification/node-signature.js';
import type { Endorsement } from '../../vocab/endorsement.js';
import type { ExchangeEvents } from '../../exchange/ports.js';
import { openOid4vci } from './oid4vci.js';
import { oid4vciUrlAllowed } from '../../oid4vci/metadata.js';
import { PresentationRelay } from '../../presentation-relay/relay.js';

export type { VeramoAgent } from './signer.js';

/**
 * The parts an agent is made of. Only the composition root (src/agent/wiring) and tests that
 * look inside an agent use them; routes and commands get `capabilities`.
 */
export interface AgentParts {
  config: LoadedConfig;
  veramo: VeramoAgent;
  identity: AuthorityIdentity;
  /** The writing connection: issuing batches and lifecycle changes. */
  db: SqliteDatabase;
  /** A read-only connection: every read the outside world sees, so only committed data (never an open batch). */
  reads: SqliteDatabase;
  /** Saiga's tables: units of work on `db`, committed reads on `reads`. */
  store: SaigaStore;
  permits: PermitReads;
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
  /** The trust list this agent serves (kind 'serve'), or the one agent.yml names (kind 'sign'; none when it names none). */
  trust: AgentTrustList | undefined;
  /** fetch that answers this agent's own status lists and records from its database. */
  ownFetch: FetchLike;
  /** True when this call created the identity (a first start). */
  created: boolean;
  /** The exchange's outbox: services record their events through it, in their own unit of work. */
  exchangeEvents: ExchangeEvents;
  close(): Promise<void>;
}

export interface OpenedAgent<C = ServeCapabilities> extends AgentParts {
  capabilities: C;
}

export interface OpenOptions {
  configPath: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Create the secret and the identity if this agent has none yet (init and serve do; other commands do not). */
  initialise?: boolean;
  /** Create a new identity even though the data folder shows an earlier one (its database is gone). */
  newIdentity?: boolean;
  now?: () => Date;
  /** Issue 12 §1: sends holder links by e-mail (src/holder/mailer.ts); without it links are handed over by the officer (`mailed: false`). */
  holderLinkMailer?: HolderLinkMailer;
}

export interface OpenSignerOptions extends OpenOptions {
  /** The identity the command signs with: the one the self-test checks. Default the authority. */
  signer?: SigningRole;
}

/** The signing agent a command needs: see the file comment. */
export function openAgent(options: OpenSignerOptions & { kind: 'sign' }): Promise<OpenedAgent<SignCapabilities>>;
export function openAgent(options: OpenOptions & { kind?: 'serve' }): Promise<OpenedAgent<ServeCapabilities>>;
export async function openAgent(options: OpenSignerOptions & { kind?: 'sign' | 'serve' }): Promise<OpenedAgent<SignCapabilities | ServeCapabilities>> {
  const kind = options.kind ?? 'serve';
  const config = loadConfig(options.configPath);
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  // Before anything is created: an SMTP password problem stops the start with nothing written.
  const mail = kind === 'serve' ? openMailer(config, env, now) : undefined;
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
  let objects: { agent: VeramoAgent; dbConnection: { destroy(): Promise<void>; isInitialized: boolean }; didResolver: unknown } | undefined;
  let stopDelivery: (() => Promise<void>) | undefined;
  let stopCheckpoints: (() => Promise<void>) | undefined;
  const closeAll = async () => {
    // The delivery worker records its last answers before the database closes.
    await stopDelivery?.();
    await stopCheckpoints?.();
    await closeDatabase();
    if (objects?.dbConnection.isInitialized) await objects.dbConnection.destroy().catch(() => undefined);
  };
  try {
    objects = (await createObjects(
      config.document,
      { agent: '/agent', dbConnection: '/dbConnection', didResolver: '/didResolver' },
      { baseDir: config.baseDir, env: { ...env, [SECRET_ENV]: secret.key } },
    )) as { agent: VeramoAgent; dbConnection: { destroy(): Promise<void>; isInitialized: boolean }; didResolver: unknown };
    const veramo = objects.agent;
    // Migration 17 seals clear TOTP secrets for good, so with a key proven on the key store first
    // (a wrong SAIGA_SECRET_KEY stops here with nothing sealed); ./totp-box.ts.
    await migrate(db, {
      sealTotpSecret: async (tx) => {
        await selfTest(veramo, (await findOrCreateIdentity(veramo, config, false)).identity, databaseFile);
        return provenTotpBox(secret.key, tx);
      },
    });
    const { identity, created } = await findOrCreateIdentity(veramo, config, Boolean(options.initialise));
    // The customs identity came with the endorsement feature: an agent made before it gets one now.
    const { identity: customs } = await findOrCreateIdentity(veramo, config, true, 'customs');
    const { identity: anchor } = await findOrCreateIdentity(veramo, config, true, 'anchor');
    const byRole: Record<SigningRole, AuthorityIdentity> = { authority: identity, customs, trustAnchor: anchor };
    const store = new SaigaStore(db, reads, now);
    // Key rotation (issue 9 §6): each identity signs with its newest key not revoked (key-ring.ts).
    const keyRing = await KeyRing.open({
      veramo,
      store,
      identities: byRole,
      now,
      databaseFile,
      resignStatusLists: (work) => statusLists.resignAll(work.statusLists),
      // The outbox (keyRevoked to every trusted MA peer), made below with the other events.
      exchange: () => exchangeEvents,
      // Issue 9 §6: a rotation or revocation made here is published at once (no restart).
      publish: (keysOf) => ownDocuments.refresh(keysOf),
    });
    // One self-test of the identity a command signs with; a server checks the two that sign permits and endorsements.
    for (const role of kind === 'serve' ? (['authority', 'customs'] as const) : [options.signer ?? 'authority']) {
      await selfTest(veramo, { did: byRole[role].did, ...keyRing.current(role) }, databaseFile);
    }

    const { url } = config.saiga;
    const signerFor = (role: SigningRole) => signerOf(veramo, byRole[role].did, () => keyRing.signingKey(role));
    const signers: Record<SigningRole, Signer> = { authority: signerFor('authority'), customs: signerFor('customs'), trustAnchor: signerFor('trustAnchor') };
    const newCredentialId = () => `urn:uuid:${randomUUID()}`;
    const statusLists = new StatusLists({ baseUrl: url, issuerDid: identity.did, sign: signers.authority.sign, now, randomIndex: (n) => randomInt(n) });
    // Everyone this agent trusts, once its trust list is loaded below (issuance needs it only after openAgent returns).
    let trusted: TrustedIssuer[] = [];
    const exchangeEvents = exchangeRouter({ trusted: () => trusted, ownDids: [identity.did, customs.did, anchor.did], now, settings: config.saiga.exchange });
    // Cross-permit checks (issue 9): the permits received through the exchange, read committed; the verifier is built below.
    const held = createHeldPermitReads(reads);
    let verifyHeld: (jwt: string) => Promise<VerificationResult> = async () => {
      throw new Error('the verifier is not ready');
    };
    const issuer = new PermitIssuer({
      authority: { ...config.saiga.authority, did: identity.did },
      numberFormat: config.numberFormat,
      agentUrl: url,
      sign: signers.authority.sign,
      store,
      statusLists,
      recordUrl: (credentialId) => recordUrl(url, credentialId),
      now,
      newCredentialId,
      trust: () => importPermitTrust(trusted, true),
      exchange: exchangeEvents,
      ...(config.saiga.issuance.requireHeldImportPermit && { checkImportPermit: createImportPermitCheck({ held, verify: (jwt) => verifyHeld(jwt) }) }),
      checkOriginPermits: createOriginPermitCheck(held),
      // A preview checks the permit it would replace on committed data, outside any write transaction.
      reads: store.reads,
    });
    const lifecycle = new PermitLifecycle(
      store,
      statusLists,
      { authority: { did: identity.did, country: config.saiga.authority.country }, customsDid: customs.did, agentUrl: url, sign: signers.customs.sign, now, newCredentialId, exchange: exchangeEvents },
      now,
      exchangeEvents,
    );
    // Issue 9: import confirmations are signed by the customs identity, and go to the permit's issuer through the outbox.
    const importConfirmations = new ImportConfirmations(store, {
      authority: { did: identity.did, country: config.saiga.authority.country },
      customsDid: customs.did,
      agentUrl: url,
      sign: signers.customs.sign,
      now,
      newCredentialId,
      exchange: exchangeEvents,
    });
    // This agent's DID documents, live: the routes, the verifier and the DIDComm resolver read them here.
    const ownDocuments = await IdentityDocuments.open({ authority: identity, customs, trustAnchor: anchor, agentUrl: url }, keyRing.keysOf);
    // The trust list is signed once, at start, by the trust anchor, whose key never rotates.
    const documents = ownDocuments.all();
    const serveOwnResource = (path: string) => serveOwn(path, store.reads, identity.did, held.linkedJwts);
    const localFetch = createLocalFetch(url, serveOwnResource, globalThis.fetch.bind(globalThis));
    const ownTrust = trustedIssuersOf(config, identity, customs);
    const trust =
      kind === 'serve'
        ? await loadTrustList({ config, ownTrust, anchor, documents, fetch: localFetch, sign: signers.trustAnchor.sign, now: now() })
        : await readConfiguredTrustList({ config, documents, fetch: localFetch, now: now() });
    trusted = mergeTrust(ownTrust, trust?.issuers ?? []);
    // Revocations and suspensions peers notified through the exchange (docs/exchange.md) show even when their lists cannot be reached.
    const verifier = createAgentVerifier({ config, trustedIssuers: trusted, documents: () => ownDocuments.all(), fetch: localFetch, notices: (id) => store.reads.incomingPermits.notice(id) });
    verifyHeld = (jwt) => verifier.verify(jwt, now());
    const tokens = new TokenStore(store, now);
    // The TOTP secrets' own key, derived from the proven secret key (src/auth/totp-at-rest.ts); its key check recorded for read-only commands.
    const totpBox = db.transaction((tx) => provenTotpBox(secret.key, tx));
    await totpBox;
    const users = new UserStore(store, () => totpBox, now);
    // Issue 9, the exchange's envelope: DIDComm v2 authcrypt as the authority; its resolver answers this agent's own did:web documents itself.
    const didcommDocuments = didDocumentCacheOf(objects.didResolver);
    didcommDocuments?.answerLocally((did) => (did.startsWith('did:web:') ? ownDocuments.byDid(did) : undefined));
    const envelope = createEnvelope({ veramo, did: identity.did, peers: config.saiga.trust.peers, now, documents: didcommDocuments });
    if (kind === 'serve' && missingDidcomm(veramo)) throw missingDidcomm(veramo);

    // Issue 10 §3: the audit trail; its checkpoints are signed by the authority (signAs('authority')).
    const trail = auditTrail({ audit: store.reads.audit, checkpoints: store.reads.auditCheckpoints, authority: async () => authorityKeysOf(await keyRing.list()), suite: nodeCryptoSuite });
    const capabilities: SignCapabilities = {
      config,
      reports: lazyReports(databaseFile, config.saiga.authority.country, now),
      records: {
        permit: (permitNumber) => store.reads.permits.get(permitNumber),
        list: (filter) => store.reads.permits.list(filter),
        status: (permitNumber) => lifecycle.status(permitNumber),
        publicResource: serveOwnResource,
        dashboard: () => dashboardCounts(reads, now()),
      },
      imports: { list: (filter = {}) => store.reads.incomingPermits.list({ ...filter, relation: 'import' }) },
      tokens,
      users,
      drafts: new DraftService(store, now),
      holderLinks: new HolderLinks({
        store,
        now,
        url: config.saiga.url,
        graceDays: config.saiga.holder.graceDays,
        // The serving agent's SMTP mailer (saiga.smtp, docs/mail.md) unless the caller gives its own.
        ...((options.holderLinkMailer ?? mail) && { mailer: options.holderLinkMailer ?? mail }),
      }),
      verification: { verify: (input, at) => verifier.verify(input, at), trustedIssuers: async () => verifier.trustedIssuers },
      // Getters: each read is the document published now (after a rotation through the API too).
      identities: {
        authority: { did: identity.did, get didDocument() { return ownDocuments.current().authority; } },
        customs: { did: customs.did, get didDocument() { return ownDocuments.current().customs; } },
        trustAnchor: { did: anchor.did, get didDocument() { return ownDocuments.current().trustAnchor; } },
        created,
      },
      issuance: issuer,
      lifecycle,
      importConfirmation: importConfirmations,
      signAs: (role) => signers[role],
      keys: {
        list: () => keyRing.list(),
        rotate: (role, actor) => keyOutcome(() => keyRing.rotate(role, actor)),
        revoke: (kid, { compromisedSince, actor }) => keyOutcome(() => keyRing.revoke(kid, compromisedSince, actor)),
      },
      envelope,
      exchange: exchangeOperator({ store, trusted: () => trusted, now, settings: config.saiga.exchange }),
      audit: trail,
      auditSigning: auditSigning({ store, trail, authorityDid: identity.did, sign: signers.authority.sign, now, ...(exchangeEvents && { witnesses: exchangeEvents }) }),
    };
    // Issue 12 §2: the OpenID4VCI issuer of the permits (./oid4vci.ts; docs/oid4vci.md).
    const oid4vci = await openOid4vci({
      baseUrl: url,
      secretKey: secret.key,
      store,
      permit: (permitNumber) => store.reads.permits.get(permitNumber),
      offerMinutes: config.saiga.oid4vci.offerMinutes,
      now,
      authorityName: config.saiga.authority.name,
    });
    // Issue 12 §2: an offer made for a holder link dies with it (withdrawn or expired).
    const holderLink = async (id: string) => {
      const link = await store.reads.holderLinks.byId(id);
      return link && { permitNumber: link.permitNumber, active: link.revokedAt === null && Date.parse(link.expiresAt) > now().getTime() };
    };
    if (oid4vci) {
      const issuerOfLinks = oid4vci.withHolderLinks(holderLink);
      capabilities.oid4vci = issuerOfLinks;
      const walletMailer = options.holderLinkMailer ?? mail;
      capabilities.walletOffers = new WalletOffers({ link: (id) => store.reads.holderLinks.byId(id), issuer: issuerOfLinks, ...(walletMailer && { mailer: walletMailer }) });
    }
    // The verifier page's cross-device relay (docs/oid4vp.md): like the OpenID4VCI issuer, only on https
    // or loopback http (a wallet's presentation must not cross a network in clear).
    if (oid4vciUrlAllowed(url)) capabilities.presentationRelay = new PresentationRelay({ baseUrl: url, store, now });
    // Issue 9: only a server receives messages and delivers the outbox.
    const exchange =
      kind === 'serve'
        ? serveExchange({
            store,
            envelope,
            trusted: () => trusted,
            handlers: handlersFor({
              authority: { did: identity.did, country: config.saiga.authority.country },
              verify: (jwt, at, options) => verifier.verify(jwt, at, options),
              verifyEndorsement: verifier.verifyEndorsement,
              trusted: () => trusted,
              incomingPermits: store.reads.incomingPermits,
              // keyRevoked: the peer's cached DID document is dropped from the verifier and the DIDComm resolver.
              forgetDid: (did) => {
                verifier.forgetDid(did);
                envelope.forgetDocument(did);
              },
              now,
              reads: store.reads,
              checkImportConfirmation: (input) => verifier.checkImportConfirmation(input),
              // audit-checkpoint: a peer's checkpoint is verified against its DID document at receipt.
              resolveDid: verifier.resolveDid,
              signatureSuite: nodeCryptoSuite,
            }),
            now,
            settings: config.saiga.exchange,
          })
        : undefined;
    stopDelivery = exchange?.stopDelivery;
    const auditAgent = kind === 'serve' ? serveAudit({ config, store, signing: capabilities.auditSigning, now }) : undefined;
    stopCheckpoints = auditAgent?.stopCheckpoints;
    return {
      config,
      get didDocument() {
        return ownDocuments.current().authority;
      },
      customs,
      get customsDidDocument() {
        return ownDocuments.current().customs;
      },
      veramo,
      identity,
      db,
      reads,
      store,
      permits: store.reads.permits,
      statusLists,
      lifecycle,
      ownFetch: localFetch,
      tokens,
      issuer,
      anchor,
      get anchorDidDocument() {
        return ownDocuments.current().trustAnchor;
      },
      trust,
      verifier,
      created,
      exchangeEvents,
      close: closeAll,
      capabilities:
        kind === 'serve'
          ? {
              ...capabilities,
              trust: trust!,
              exchange: exchange!,
              auditAgent: auditAgent!,
              sessions: new SessionStore(store, users, config.saiga.console.sessionIdleMinutes, now),
              mail,
              toolkitLookup: createToolkitLookup({
                did: identity.did,
                trusted: async () => trusted,
                resolveDid: verifier.resolveDid,
                suite: nodeCryptoSuite,
                permit: (permitNumber) => store.reads.permits.get(permitNumber),
                claimToken: (issuer, jti, forgetAt, at) => store.transaction((work) => work.lookupTokens.claim(issuer, jti, forgetAt, at)),
                endorsement: async (permitNumber) => (await lifecycle.status(permitNumber))?.endorsement?.endorsement as Endorsement | undefined,
                now,
              }),
            }
          : capabilities,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

