/**
 * The `saiga:` section of agent.yml: one typed loader that rejects unknown keys and
 * wrong types (house style: configuration errors surface at start, with a path).
 * Secrets never live here; see `secret.ts`.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { SAIGA_SCHEMA } from './config-schema.js';
import jsYaml from 'js-yaml';
import { ConfigError } from './yaml-loader.js';
import { parseNumberFormat, type PermitNumberFormat } from '../../issuance/number.js';
import { didWebFromUrl } from '../identity/did-web-name.js';
import type { DeliverySettings } from '../../exchange/delivery-worker.js';
import type { AuditConfig } from '../../audit/checkpoint-schedule.js';
import { normaliseSmtp, type SmtpSection, type SmtpSettings } from '../../mail/settings.js';

export type DidMethod = 'web' | 'key';
export type TrustRole = 'managementAuthority' | 'customs';

export interface PeerConfig {
  did: string;
  country: string;
  name: string;
  /** Postal address: box 6 of the permits a Management Authority issues. */
  address?: string;
  role: TrustRole;
  /** Where the peer receives DIDComm messages (its `POST /didcomm`), for a did:key peer, whose DID document names no service. */
  endpoint?: string;
}

export interface SaigaConfig {
  authority: { country: string; name: string; address: string; place: string };
  /** Public base URL of this agent, e.g. https://cites.example.org. did:web derives from it. */
  url: string;
  didMethod: DidMethod;
  /**
   * host, port: where the HTTP server listens. trustProxy: which reverse proxies may tell
   * the client's address in X-Forwarded-For (express's `trust proxy`): false (none, the
   * default), a hop count, or addresses and subnets; see TRUST_PROXY_SCHEMA.
   */
  server: { host: string; port: number; trustProxy: TrustProxy };
  permitNumber: { format: string };
  /** list: a signed trust list (file, relative to agent.yml) and the anchor DID that must have signed it. */
  trust: { peers: PeerConfig[]; list?: { file: string; anchor: string } };
  /** statusCacheSeconds: how long peers' status lists are reused (the agent's own are always read fresh). */
  verify: { clockToleranceSeconds: number; rateLimitPerMinute: number; statusCacheSeconds: number };
  /** How messages to peers are delivered: see EXCHANGE_DEFAULTS. */
  exchange: ExchangeConfig;
  /**
   * requireHeldImportPermit (default true): an Appendix I export is issued only against an
   * import permit received through the exchange and verified at issuance (Art. III(2)(d)).
   * false: the import permit is named only (a paper import permit, checked by the officer).
   */
  issuance: { requireHeldImportPermit: boolean };
  /** The audit trail's signed checkpoints: see AUDIT_DEFAULTS. */
  audit: AuditConfig;
  /** The web console's sign-in (issue 11 §1): a session ends after this many idle minutes (default 30; docs/console-sign-in.md). */
  /**
   * Issue 12 §1, holder links (docs/holder-links.md): a link works until the permit's box 2
   * date plus graceDays (default HOLDER_GRACE_DAYS_DEFAULT).
   */
  holder: { graceDays: number };
  console: { sessionIdleMinutes: number; /** Sign-in attempts refused per client address in 15 minutes before 429 (default 20). */ signInAttemptsPerIp: number };
  /** Issue 12 §1: the SMTP server that emails permit holders their link; absent, the officer hands the link over (docs/mail.md). */
  smtp?: SmtpSettings;
  /** Issue 12 §2: a wallet offer's pre-authorized code lives this many minutes (default 15; docs/oid4vci.md). */
  oid4vci: { offerMinutes: number };
}

/**
 * 30 days after the permit's validity: the trader still needs the document then. A shipment
 * that left on the last valid day may be weeks at sea before the importing country's
 * customs ask for it, a permit left unused may have to be accounted for to the authority, and
 * the holder keeps it for their own records. The
 * page shows the permit as expired during that time; after it the link answers 410.
 */
export const HOLDER_GRACE_DAYS_DEFAULT = 30;

export const AUDIT_DEFAULTS: AuditConfig = { checkpointEvery: 1000, checkpointMaxAgeHours: 24, pollIntervalMs: 60_000 };

export interface ExchangeConfig extends DeliverySettings {
  /** A message not delivered after this many days is marked undeliverable (and shown, and can be re-queued). */
  maxAgeDays: number;
}

/** No configuration needed: a week to deliver, retries from 1 s up to 5 min apart. */
export const EXCHANGE_DEFAULTS: ExchangeConfig = {
  maxAgeDays: 7,
  backoffBaseMs: 1000,
  backoffCapMs: 300_000,
  circuitThreshold: 5,
  circuitCoolDownMs: 30_000,
  timeoutMs: 10_000,
  concurrency: 8,
  batchSize: 20,
  pollIntervalMs: 2000,
};

export interface LoadedConfig {
  saiga: SaigaConfig;
  numberFormat: PermitNumberFormat;
  /** The whole parsed agent.yml (the Veramo part is built by the YAML loader). */
  document: Record<string, unknown>;
  configPath: string;
  baseDir: string;
  /** The did:web this agent owns when didMethod is web. */
  webDid?: string;
}

/** false: X-Forwarded-For is ignored. A number: that many proxies in front. A list: the proxies' addresses. */
export type TrustProxy = false | number | string[];

const TRUST_PROXY_HINT =
  'must be false, the number of proxies in front of the agent (1 to 10), or their addresses or subnets (e.g. loopback or 10.0.0.0/8); true is refused, since any client could then choose its own address';

/** Secrets never live in agent.yml, which is in git (docs/mail.md). */
const SMTP_PASSWORD_HINT = 'the SMTP password is never written in agent.yml: set SAIGA_SMTP_PASSWORD, or name a file readable by its owner only in passwordFile';

/**
 * The validator of the `saiga:` section: the one the build generated from SAIGA_SCHEMA with ajv
 * standalone (dist/src/agent/config/config-validator.cjs, scripts/config-validator.mjs), or, run from
 * source as the tests are, the same schema compiled here with the same options. Compiling costs
 * a read-only command a large share of its time; test/agent/config-validator.test.ts shows both
 * answer alike.
 */
type SaigaValidator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[] | null };
const require = createRequire(import.meta.url);
export const CONFIG_VALIDATOR_OPTIONS = { allErrors: true, strict: true } as const;
function loadSaigaValidator(): SaigaValidator {
  try {
    return require('./config-validator.cjs') as SaigaValidator;
  } catch {
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    return new Ajv2020(CONFIG_VALIDATOR_OPTIONS).compile(SAIGA_SCHEMA) as SaigaValidator;
  }
}
const validateSaiga = loadSaigaValidator();


/** Default permit number: country, two-digit year, document type letter, six-digit sequence (e.g. LK26-E000042). */
export const DEFAULT_PERMIT_NUMBER_FORMAT = '{CC}{YY}-{T}{SEQ:6}';

/** Checks and completes a parsed `saiga:` section. Throws ConfigError with a JSON pointer. */
export function parseSaigaSection(section: unknown): SaigaConfig {
  if (!validateSaiga(section)) {
    const first = validateSaiga.errors![0]!;
    if (first.instancePath.startsWith('/server/trustProxy')) throw new ConfigError(TRUST_PROXY_HINT, '/saiga/server/trustProxy');
    if (validateSaiga.errors!.some((e) => e.instancePath === '/smtp' && e.params.additionalProperty === 'password')) throw new ConfigError(SMTP_PASSWORD_HINT, '/saiga/smtp/password');
    const where = `/saiga${first.instancePath}`;
    const extra = first.keyword === 'additionalProperties' ? ` "${String(first.params.additionalProperty)}"` : '';
    throw new ConfigError(`${first.message ?? 'invalid'}${extra}`, where);
  }
  const raw = section as Partial<SaigaConfig> & Pick<SaigaConfig, 'authority' | 'url' | 'didMethod'>;
  const exchange = { ...EXCHANGE_DEFAULTS, ...raw.exchange };
  if (exchange.backoffCapMs < exchange.backoffBaseMs) throw new ConfigError('backoffCapMs must not be below backoffBaseMs', '/saiga/exchange/backoffCapMs');
  const url = new URL(raw.url);
  const smtp = (raw as { smtp?: SmtpSection }).smtp === undefined ? undefined : normaliseSmtp((raw as { smtp: SmtpSection }).smtp, raw.authority.name);
  if (smtp !== undefined && 'pointer' in smtp) throw new ConfigError(smtp.message, smtp.pointer);
  const defaultPort = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return {
    authority: raw.authority,
    url: raw.url.replace(/\/+$/, ''),
    didMethod: raw.didMethod,
    server: {
      host: raw.server?.host ?? '127.0.0.1',
      port: raw.server?.port ?? defaultPort,
      trustProxy: checkTrustProxy((raw.server as { trustProxy?: unknown } | undefined)?.trustProxy),
    },
    permitNumber: { format: raw.permitNumber?.format ?? DEFAULT_PERMIT_NUMBER_FORMAT },
    trust: {
      peers: (raw.trust?.peers ?? []).map((p) => ({ ...p, role: p.role ?? 'managementAuthority' })),
      ...(raw.trust?.list !== undefined && { list: raw.trust.list }),
    },
    issuance: { requireHeldImportPermit: raw.issuance?.requireHeldImportPermit ?? true },
    verify: {
      clockToleranceSeconds: raw.verify?.clockToleranceSeconds ?? 60,
      rateLimitPerMinute: raw.verify?.rateLimitPerMinute ?? 120,
      statusCacheSeconds: raw.verify?.statusCacheSeconds ?? 60,
    },
    exchange,
    audit: { ...AUDIT_DEFAULTS, ...(raw as { audit?: Partial<AuditConfig> }).audit },
    holder: { graceDays: raw.holder?.graceDays ?? HOLDER_GRACE_DAYS_DEFAULT },
    console: { sessionIdleMinutes: raw.console?.sessionIdleMinutes ?? 30, signInAttemptsPerIp: raw.console?.signInAttemptsPerIp ?? 20 },
    ...(smtp !== undefined && { smtp }),
    oid4vci: { offerMinutes: raw.oid4vci?.offerMinutes ?? 15 },
  };
}

/** Normalises saiga.server.trustProxy and checks each address is a real IP address or subnet. */
function checkTrustProxy(value: unknown): TrustProxy {
  if (value === undefined || value === false) return false;
  if (typeof value === 'number') return value;
  const list = typeof value === 'string' ? [value] : (value as string[]);
  list.forEach((entry, i) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return;
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const family = isIP(address);
    const maxPrefix = family === 6 ? 128 : 32;
    if (family === 0 || (prefix !== undefined && Number(prefix) > maxPrefix)) {
      const where = typeof value === 'string' ? '/saiga/server/trustProxy' : `/saiga/server/trustProxy/${i}`;
      throw new ConfigError(`"${entry}" is not an IP address, a subnet (address/prefix) or one of loopback, linklocal, uniquelocal`, where);
    }
  });
  return list;
}

/** Reads agent.yml: the Saiga section is checked now; the Veramo part is built later by the loader. */
export function loadConfig(configPath: string): LoadedConfig {
  const absolute = resolve(configPath);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${absolute}: ${(error as Error).message}`, '');
  }
  let document: unknown;
  try {
    // YAML 1.2 core schema: no timestamps, no custom tags; duplicate keys are an error.
    document = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: absolute });
  } catch (error) {
    throw new ConfigError(`${absolute} is not valid YAML: ${(error as Error).message}`, '');
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new ConfigError(`${absolute} must be a YAML mapping`, '');
  }
  const doc = document as Record<string, unknown>;
  if (!('saiga' in doc)) throw new ConfigError('the "saiga" section is missing', '/saiga');
  const saiga = parseSaigaSection(doc.saiga);
  let numberFormat: PermitNumberFormat;
  try {
    numberFormat = parseNumberFormat(saiga.permitNumber.format);
  } catch (error) {
    throw new ConfigError((error as Error).message, '/saiga/permitNumber/format');
  }
  const loaded: LoadedConfig = { saiga, numberFormat, document: doc, configPath: absolute, baseDir: dirname(absolute) };
  if (saiga.didMethod === 'web') loaded.webDid = didWebFromUrl(saiga.url);
  return loaded;
}
