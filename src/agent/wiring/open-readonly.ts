/**
 * Opens an agent for reading (kind 'read' of ./with-agent.ts): its configuration and its
 * store, and, when asked, a verifier. No Veramo, no key store, no signing and no self-test, so
 * read-only commands (permit list, show, status, qr, pdf, verify) answer in a fraction of the
 * time `openAgent` takes. The secret key is read only to seal a TOTP secret (./totp-box.ts).
 * Everything here reads committed data; the only writes are the token and user commands'.
 */
import { existsSync } from 'node:fs';
import { loadConfig, type LoadedConfig } from '../config/config.js';
import { ConfigError, createObjects } from '../config/yaml-loader.js';
import type { AgentVerifier } from '../../verification/agent-verifier.js';
import { SqliteDatabase } from '../../store/sqlite.js';
import { SaigaStore } from '../../store/unit-of-work.js';
import { createHeldPermitReads } from '../../store/held-permits.js';
import type { TokenStore } from '../../auth/tokens.js';
import { migrate } from '../../store/migrations.js';
import { asDamaged, damageReporting } from '../../store/open-database.js';
import type { ExchangeOperator, ReadCapabilities, Tokens, Users } from './capabilities.js';
import type { AuditTrail } from '../../audit/service.js';
import type { Reports } from '../../report/service.js';
import { lazyTotpBox } from './totp-box.js';

export interface ReadOnlyAgent {
  capabilities: ReadCapabilities;
  close(): Promise<void>;
}

/** The reports capability, its modules loaded when a report first runs (a read-only command that makes none never loads them). */
export function lazyReports(databaseFile: string, country: string, now: () => Date): Reports {
  let built: Promise<Reports> | undefined;
  const reports = () =>
    (built ??= Promise.all([import('../../report/service.js'), import('../../store/report-source.js')]).then(([{ createReports }, { ReportSource }]) =>
      createReports({ openSource: () => ReportSource.open(databaseFile), country, now }),
    ));
  return {
    annual: async (query, sink, options) => (await reports()).annual(query, sink, options),
    unused: async (query, each) => (await reports()).unused(query, each),
    mirror: async (query) => (await reports()).mirror(query),
  };
}

/** The SQLite file agent.yml names (`/constants/databaseFile`), resolved without building anything else. */
export async function databaseFileOf(config: LoadedConfig, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const { databaseFile } = (await createObjects(config.document, { databaseFile: '/constants/databaseFile' }, { baseDir: config.baseDir, env })) as {
    databaseFile: string;
  };
  return databaseFile;
}

export async function openReadOnly(options: { configPath: string; env?: Readonly<Record<string, string | undefined>>; now?: () => Date }): Promise<ReadOnlyAgent> {
  const config = loadConfig(options.configPath);
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const databaseFile = await databaseFileOf(config, env);
  if (!existsSync(databaseFile)) {
    throw new ConfigError(`no agent database at ${databaseFile}: run "saiga init --config ${config.configPath}" or "saiga serve" first`, '/constants/databaseFile');
  }
  let db: SqliteDatabase | undefined;
  // The TOTP secrets' key (docs/console-sign-in.md): read only if a user's TOTP secret is sealed or migration 17 finds one in clear.
  const totpBox = lazyTotpBox(databaseFile, env);
  try {
    db = await SqliteDatabase.open(databaseFile);
    // An agent upgraded in place gets its new tables here as at any start; a current one is only read.
    await migrate(db, { sealTotpSecret: (tx) => totpBox(tx) });
  } catch (error) {
    await db?.close().catch(() => undefined);
    throw asDamaged(error, databaseFile);
  }
  const connection = db;
  // This process opens no write transaction but a token command's own, so its one connection
  // serves as both sides of the store and its reads see committed data only.
  const store = new SaigaStore(connection, damageReporting(connection, databaseFile), now);
  const reads = store.reads;
  let verifier: Promise<AgentVerifier> | undefined;
  let authorityDid: Promise<string> | undefined;
  let tokenStore: Promise<TokenStore> | undefined;
  let exchangeView: Promise<ExchangeOperator> | undefined;

  // The verifier's modules (the core, jose, the permit rules) and the lifecycle views load on first
  // use only: `permit list` needs neither, and every module loaded is time a read-only command waits.
  async function buildVerifier(): Promise<AgentVerifier> {
    const [{ buildDidDocument }, { readStoredIdentity }, { createAgentVerifier, mergeTrust, trustedIssuersOf }, { readConfiguredTrustList }, { createLocalFetch }, { serveOwn }] =
      await Promise.all([
        import('../identity/did-document.js'),
        import('../identity/stored-identities.js'),
        import('../../verification/agent-verifier.js'),
        import('../../trust/agent-trust-list.js'),
        import('../../verification/local-fetch.js'),
        import('../../record/own-resources.js'),
      ]);
    const [authority, customs, anchor] = await Promise.all([
      readStoredIdentity(reads.identities, config, 'authority'),
      readStoredIdentity(reads.identities, config, 'customs'),
      readStoredIdentity(reads.identities, config, 'anchor'),
    ]);
    // The verifier needs the signing keys only: no key-agreement keys or DIDComm service here.
    const documents = await Promise.all([authority, customs, anchor].map(async (id) => buildDidDocument(id.did, id.keys, { states: await reads.signingKeys.forDid(id.did) })));
    // Node's fetch (undici) loads when first touched: only when a permit names another agent's resource.
    const linked = createHeldPermitReads(connection).linkedJwts;
    const fetch = createLocalFetch(config.saiga.url, (path) => serveOwn(path, reads, authority.did, linked), (input, init) => globalThis.fetch(input, init));
    const ownTrust = trustedIssuersOf(config, authority, customs);
    const list = await readConfiguredTrustList({ config, documents, fetch, now: now() });
    return createAgentVerifier({ config, trustedIssuers: mergeTrust(ownTrust, list?.issuers ?? []), documents, fetch, notices: (id) => reads.incomingPermits.notice(id) });
  }

  // `saiga key list`: the keys as the store holds them (Veramo's rows) with Saiga's key history.
  async function listKeys() {
    const [{ readStoredIdentity }, { keyViews, KEY_IDENTITIES }] = await Promise.all([import('../identity/stored-identities.js'), import('../identity/key-states.js')]);
    const views = await Promise.all(
      KEY_IDENTITIES.map(async (role) => {
        const stored = await readStoredIdentity(reads.identities, config, role);
        return keyViews(role, stored.did, stored.keys, await reads.signingKeys.forDid(stored.did));
      }),
    );
    return views.flat();
  }

  const verifierOnce = () => (verifier ??= buildVerifier());
  // The authority's DID names the issuer of its public records; read once, on first use.
  const didOnce = () =>
    (authorityDid ??= import('../identity/stored-identities.js').then(async ({ readStoredIdentity }) => (await readStoredIdentity(reads.identities, config, 'authority')).did));
  const exchangeOnce = () =>
    (exchangeView ??= import('./exchange.js').then(({ exchangeOperator }) =>
      exchangeOperator({ store, trusted: () => config.saiga.trust.peers, now, settings: config.saiga.exchange }),
    ));
  const tokensOnce = () => (tokenStore ??= import('../../auth/tokens.js').then(({ TokenStore }) => new TokenStore(store, now)));
  const tokens: Tokens = {
    create: async (role, name, options) => (await tokensOnce()).create(role, name, options),
    check: async (token) => (await tokensOnce()).check(token),
    list: async () => (await tokensOnce()).list(),
    revoke: async (id, actor) => (await tokensOnce()).revoke(id, actor),
    count: async () => (await tokensOnce()).count(),
    now,
  };
  // The reports read a snapshot on a connection of their own (src/store/report-source.ts); their modules load on first use.
  const reportsOnce = lazyReports(databaseFile, config.saiga.authority.country, now);
  // Console accounts: like tokens, rows of the store (scrypt needs no key), loaded on first use;
  // the secret key is read only to seal a new TOTP secret (./totp-box.ts).
  let userStore: Promise<import('../../auth/users.js').UserStore> | undefined;
  const usersOnce = () => (userStore ??= import('../../auth/users.js').then(({ UserStore }) => new UserStore(store, () => totpBox(connection), now)));
  const users: Users = {
    create: async (input, actor) => (await usersOnce()).create(input, actor),
    list: async () => (await usersOnce()).list(),
    find: async (id) => (await usersOnce()).find(id),
    disable: async (id, actor) => (await usersOnce()).disable(id, actor),
    resetPassword: async (id, password, actor) => (await usersOnce()).resetPassword(id, password, actor),
    resetTotp: async (id, actor) => (await usersOnce()).resetTotp(id, actor),
    signIn: async (username, password, totp) => (await usersOnce()).signIn(username, password, totp),
  };
  // Issue 10 §3: checkpoints are checked against every key the authority has had, revoked ones too.
  // Loaded on first use: a command that reads no audit entry does not load its code.
  let auditTrail: Promise<AuditTrail> | undefined;
  const auditOnce = () =>
    (auditTrail ??= Promise.all([import('../../audit/service.js'), import('./audit.js'), import('../../verification/node-signature.js')]).then(([service, wiring, { nodeCryptoSuite }]) =>
      service.auditTrail({ audit: reads.audit, checkpoints: reads.auditCheckpoints, authority: async () => wiring.authorityKeysOf(await listKeys()), suite: nodeCryptoSuite }),
    ));
  // Issue 12 §1: holder links are rows of the store (no key), loaded on first use; no mailer here (the CLI prints the link).
  let holderLinks: Promise<import('../../holder/links.js').HolderLinks> | undefined;
  const holderOnce = () =>
    (holderLinks ??= import('../../holder/links.js').then(({ HolderLinks }) => new HolderLinks({ store, now, url: config.saiga.url, graceDays: config.saiga.holder.graceDays })));
  return {
    capabilities: {
      config,
      reports: reportsOnce,
      holderLinks: {
        share: async (permitNumber, input, actor) => (await holderOnce()).share(permitNumber, input, actor),
        list: async (permitNumber) => (await holderOnce()).list(permitNumber),
        revoke: async (id, actor) => (await holderOnce()).revoke(id, actor),
        open: async (token, access) => (await holderOnce()).open(token, access),
      },
      users,
      records: {
        permit: (permitNumber) => reads.permits.get(permitNumber),
        list: (filter) => reads.permits.list(filter),
        status: async (permitNumber) => (await import('../../lifecycle/permit-status.js')).readPermitStatus(reads.lifecycle, permitNumber, reads.importConfirmations),
        publicResource: async (path) => (await import('../../record/own-resources.js')).serveOwn(path, reads, await didOnce(), createHeldPermitReads(connection).linkedJwts),
        dashboard: async () => (await import('../../store/dashboard.js')).dashboardCounts(connection, now()),
      },
      imports: { list: (filter = {}) => reads.incomingPermits.list({ ...filter, relation: 'import' }) },
      tokens,
      verification: {
        verify: async (input, at) => (await verifierOnce()).verify(input, at),
        trustedIssuers: async () => (await verifierOnce()).trustedIssuers,
      },
      keys: { list: () => listKeys() },
      // The exchange's operator view: peers are named as agent.yml names them (no trust list is read for it).
      exchange: {
        status: async () => (await exchangeOnce()).status(),
        retry: async (id, actor) => (await exchangeOnce()).retry(id, actor),
      },
      audit: {
        verify: async (onProgress) => (await auditOnce()).verify(onProgress),
        page: async (query) => (await auditOnce()).page(query),
        export: async (query, write) => (await auditOnce()).export(query, write),
        checkpoints: async () => (await auditOnce()).checkpoints(),
      },
    },
    close: () => connection.close(),
  };
}
