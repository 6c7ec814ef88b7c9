/**
 * Writes a new agent.yml for `saiga init`: the authority's own `saiga:` section followed
 * by the standard Veramo agent. The file holds no secret, so it may go into git.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import jsYaml from 'js-yaml';
import { EXCHANGE_DEFAULTS, parseSaigaSection, type DidMethod } from './config.js';
import { VERAMO_AGENT_YAML } from './veramo-template.js';

export interface NewAuthority {
  country: string;
  name: string;
  address: string;
  place: string;
  url: string;
  didMethod: DidMethod;
}

export function renderAgentYaml(authority: NewAuthority): string {
  const section = {
    authority: { country: authority.country, name: authority.name, address: authority.address, place: authority.place },
    url: authority.url,
    didMethod: authority.didMethod,
    permitNumber: { format: '{CC}{YY}-{T}{SEQ:6}' },
    trust: { peers: [] },
    verify: { clockToleranceSeconds: 60, rateLimitPerMinute: 120, statusCacheSeconds: 60 },
    // Written out so that an operator sees what can be tuned; every value is also the default.
    exchange: { ...EXCHANGE_DEFAULTS },
  };
  parseSaigaSection(section); // refuse to write a file the agent would not start with
  return `# Saiga agent of ${authority.name}.
# The saiga: section is this authority; the rest is the Veramo agent.
# No secrets here: the key-store secret comes from SAIGA_SECRET_KEY or data/secret.key (mode 0600).
${jsYaml.dump({ saiga: section }, { schema: jsYaml.CORE_SCHEMA, lineWidth: -1 })}
${VERAMO_AGENT_YAML}`;
}

/** Writes agent.yml at `path` unless it exists; returns whether it wrote it. */
export function writeAgentYamlIfAbsent(path: string, authority: NewAuthority): boolean {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderAgentYaml(authority), { flag: 'wx' });
  return true;
}
