/**
 * The `saiga:` section of agent.yml: one typed loader that rejects unknown keys and
 * wrong types (house style: configuration errors surface at start, with a path).
 * Secrets never live here; see `secret.ts`.
 */
import { readFileSync } from 'node:fs';
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
  server: { host: string; port: number };
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
      properties: { host: { type: 'string', minLength: 1 }, port: { type: 'integer', minimum: 0, maximum: 65535 } },
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
    server: { host: raw.server?.host ?? '127.0.0.1', port: raw.server?.port ?? defaultPort },
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
