/**
 * The `saiga:` section of agent.yml: one typed loader that rejects unknown keys and
 * wrong types (house style: configuration errors surface at start, with a path).
 * Secrets never live here; see `secret.ts`.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './yaml-loader.js';
import { parseNumberFormat, type PermitNumberFormat } from '../issuance/number.js';
import { didWebFromUrl } from './did-web-name.js';

export type DidMethod = 'web' | 'key';
export type TrustRole = 'managementAuthority' | 'customs';

export interface PeerConfig {
  did: string;
  country: string;
  name: string;
  /** Postal address: box 6 of the permits a Management Authority issues. */
  address?: string;
  role: TrustRole;
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
}

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

/**
 * One proxy address: express's names (loopback, linklocal, uniquelocal), an IPv4 or IPv6
 * address, or a subnet in CIDR notation. Checked further in checkTrustProxy.
 */
const PROXY_ADDRESS = { type: 'string', pattern: '^(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(/[0-9]{1,3})?)$' };

/**
 * `true` (trust every hop) is refused: the client then picks its own address by sending
 * X-Forwarded-For, and can dodge the rate limit of /api/verify or exhaust another
 * client's budget. Name the proxies instead, or count them.
 */
const TRUST_PROXY_SCHEMA = {
  oneOf: [
    { const: false },
    { type: 'integer', minimum: 1, maximum: 10 },
    PROXY_ADDRESS,
    { type: 'array', minItems: 1, maxItems: 50, items: PROXY_ADDRESS },
  ],
};

const TRUST_PROXY_HINT =
  'must be false, the number of proxies in front of the agent (1 to 10), or their addresses or subnets (e.g. loopback or 10.0.0.0/8); true is refused, since any client could then choose its own address';

const COUNTRY = { type: 'string', pattern: '^[A-Z]{2}$' };
const TEXT = { type: 'string', minLength: 1, maxLength: 500 };

const SAIGA_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['authority', 'url', 'didMethod'],
  properties: {
    authority: {
      type: 'object',
      additionalProperties: false,
      required: ['country', 'name', 'address', 'place'],
      properties: { country: COUNTRY, name: TEXT, address: TEXT, place: TEXT },
    },
    url: { type: 'string', pattern: '^https?://[^/?#]+(/[^?#]*)?$' },
    didMethod: { enum: ['web', 'key'] },
    server: {
      type: 'object',
      additionalProperties: false,
      properties: {
        host: { type: 'string', minLength: 1 },
        port: { type: 'integer', minimum: 0, maximum: 65535 },
        trustProxy: TRUST_PROXY_SCHEMA,
      },
    },
    permitNumber: {
      type: 'object',
      additionalProperties: false,
      properties: { format: { type: 'string', minLength: 1, maxLength: 60 } },
    },
    trust: {
      type: 'object',
      additionalProperties: false,
      properties: {
        peers: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['did', 'country', 'name'],
            properties: {
              did: { type: 'string', pattern: '^did:(web|key):[A-Za-z0-9._:%-]+$' },
              country: COUNTRY,
              name: TEXT,
              address: TEXT,
              role: { enum: ['managementAuthority', 'customs'] },
            },
          },
        },
        list: {
          type: 'object',
          additionalProperties: false,
          required: ['file', 'anchor'],
          properties: { file: { type: 'string', minLength: 1 }, anchor: { type: 'string', pattern: '^did:(web|key):[A-Za-z0-9._:%-]+$' } },
        },
      },
    },
    verify: {
      type: 'object',
      additionalProperties: false,
      properties: {
        clockToleranceSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
        rateLimitPerMinute: { type: 'integer', minimum: 1, maximum: 100000 },
        statusCacheSeconds: { type: 'integer', minimum: 0, maximum: 86400 },
      },
    },
  },
} as const;

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateSaiga = ajv.compile(SAIGA_SCHEMA);

/** Default permit number: country, two-digit year, document type letter, six-digit sequence (e.g. LK26-E000042). */
export const DEFAULT_PERMIT_NUMBER_FORMAT = '{CC}{YY}-{T}{SEQ:6}';

/** Checks and completes a parsed `saiga:` section. Throws ConfigError with a JSON pointer. */
export function parseSaigaSection(section: unknown): SaigaConfig {
  if (!validateSaiga(section)) {
    const first = validateSaiga.errors![0]!;
    if (first.instancePath.startsWith('/server/trustProxy')) throw new ConfigError(TRUST_PROXY_HINT, '/saiga/server/trustProxy');
    const where = `/saiga${first.instancePath}`;
    const extra = first.keyword === 'additionalProperties' ? ` "${String(first.params.additionalProperty)}"` : '';
    throw new ConfigError(`${first.message ?? 'invalid'}${extra}`, where);
  }
  const raw = section as Partial<SaigaConfig> & Pick<SaigaConfig, 'authority' | 'url' | 'didMethod'>;
  const url = new URL(raw.url);
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
    verify: {
      clockToleranceSeconds: raw.verify?.clockToleranceSeconds ?? 60,
      rateLimitPerMinute: raw.verify?.rateLimitPerMinute ?? 120,
      statusCacheSeconds: raw.verify?.statusCacheSeconds ?? 60,
    },
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
    document = parseYaml(text);
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
