/**
 * The JSON Schema of agent.yml's `saiga:` section. A module of its own, with no ajv in it,
 * so that the build can turn it into a standalone validator (scripts/config-validator.mjs)
 * and every command reads its configuration without compiling a schema.
 */
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

const COUNTRY = { type: 'string', pattern: '^[A-Z]{2}$' };
const TEXT = { type: 'string', minLength: 1, maxLength: 500 };

export const SAIGA_SCHEMA = {
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
    // OWASP ASVS 4.0 §3.3.2: idle timeout; 1 minute to 1 day.
    console: {
      type: 'object',
      additionalProperties: false,
      properties: { sessionIdleMinutes: { type: 'integer', minimum: 1, maximum: 1440 }, signInAttemptsPerIp: { type: 'integer', minimum: 1, maximum: 100000 } },
    },
    // Issue 12 §1: the SMTP server that emails permit holders their link (src/mail, docs/mail.md).
    // No password key: it comes from SAIGA_SMTP_PASSWORD or passwordFile (agent.yml is in git).
    smtp: {
      type: 'object',
      additionalProperties: false,
      required: ['host', 'from'],
      properties: {
        host: { type: 'string', minLength: 1, maxLength: 253, pattern: '^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.:-]+)$' },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        secure: { type: 'boolean' },
        requireTLS: { type: 'boolean' },
        allowCleartext: { type: 'boolean' },
        from: {
          type: 'object',
          additionalProperties: false,
          required: ['address'],
          properties: { address: { type: 'string', minLength: 3, maxLength: 254 }, name: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        username: { type: 'string', minLength: 1, maxLength: 254, pattern: '^[^\\u0000-\\u001f\\u007f]+$' },
        passwordFile: { type: 'string', minLength: 1 },
        timeoutMs: { type: 'integer', minimum: 100, maximum: 300_000 },
      },
    },
    // Issue 12 §2 (docs/oid4vci.md): how long a wallet offer (its pre-authorized code) lives; 0 for tests.
    oid4vci: {
      type: 'object',
      additionalProperties: false,
      properties: { offerMinutes: { type: 'integer', minimum: 0, maximum: 1440 } },
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
              // Where the peer receives exchange messages, for a did:key peer (its DID document cannot name a service).
              endpoint: { type: 'string', maxLength: 2000, pattern: '^https?://[^/?#]+(/[^?#]*)?$' },
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
    // Issue 9 (linked permits): false only where the partners' import permits come on paper (src/issuance/import-permit-check.ts).
    issuance: {
      type: 'object',
      additionalProperties: false,
      properties: { requireHeldImportPermit: { type: 'boolean' } },
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
    // The exchange's delivery (src/exchange/delivery-worker.ts); every setting has a default.
    exchange: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxAgeDays: { type: 'integer', minimum: 1, maximum: 365 },
        backoffBaseMs: { type: 'integer', minimum: 10, maximum: 3_600_000 },
        backoffCapMs: { type: 'integer', minimum: 10, maximum: 86_400_000 },
        circuitThreshold: { type: 'integer', minimum: 1, maximum: 1000 },
        circuitCoolDownMs: { type: 'integer', minimum: 10, maximum: 86_400_000 },
        timeoutMs: { type: 'integer', minimum: 100, maximum: 300_000 },
        concurrency: { type: 'integer', minimum: 1, maximum: 64 },
        // At most MAX_BATCH_MESSAGES (didcomm-envelope.ts): what a receiver accepts in one batch.
        batchSize: { type: 'integer', minimum: 1, maximum: 100 },
        pollIntervalMs: { type: 'integer', minimum: 10, maximum: 3_600_000 },
      },
    },
    // Issue 12 §1: holder links last the permit's validity plus this many days (src/holder/expiry.ts).
    holder: {
      type: 'object',
      additionalProperties: false,
      properties: { graceDays: { type: 'integer', minimum: 0, maximum: 365 } },
    },
    // The audit trail's signed checkpoints (src/audit/checkpoint-schedule.ts); every setting has a default.
    audit: {
      type: 'object',
      additionalProperties: false,
      properties: {
        checkpointEvery: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        // At least daily (issue 10 §3): never more than 24 hours between checkpoints.
        checkpointMaxAgeHours: { type: 'integer', minimum: 1, maximum: 24 },
        pollIntervalMs: { type: 'integer', minimum: 10, maximum: 3_600_000 },
      },
    },
  },
} as const;
