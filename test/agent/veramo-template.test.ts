/**
 * One Veramo configuration: the repository's agent.yml carries, after its own saiga:
 * section, exactly the Veramo part `saiga init` writes (src/agent/config/veramo-template.ts),
 * so the two cannot drift apart. The did:web resolver it names loads (from dist/: build
 * first), and so does the path agent.yml files written before the move name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { VERAMO_AGENT_YAML } from '../../src/agent/config/veramo-template.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MARKER = '# ---- Veramo agent';

describe('the Veramo part of agent.yml', () => {
  const repositoryYaml = readFileSync(join(ROOT, 'agent.yml'), 'utf8');

  it('is the template, character for character', () => {
    expect(VERAMO_AGENT_YAML.startsWith(MARKER)).toBe(true);
    expect(repositoryYaml.indexOf(MARKER)).toBeGreaterThan(0);
    expect(repositoryYaml.slice(repositoryYaml.indexOf(MARKER))).toBe(VERAMO_AGENT_YAML);
  });

  it('holds the same keys as the template, and nothing of the saiga: section', () => {
    const whole = jsYaml.load(repositoryYaml, { schema: jsYaml.CORE_SCHEMA }) as Record<string, unknown>;
    const { saiga, ...veramo } = whole;
    expect(saiga).toBeDefined();
    expect(veramo).toEqual(jsYaml.load(VERAMO_AGENT_YAML, { schema: jsYaml.CORE_SCHEMA }));
    expect(Object.keys(veramo)).toEqual(['constants', 'dbConnection', 'keyManager', 'didManager', 'didResolver', 'credentialPlugin', 'agent']);
  });

  it('names a did:web resolver that loads, as does the path of agent.yml files written before', async () => {
    const named = /\$require: "(#saiga\/[^?"]+)\?t=function&p=\/web#getWebResolver"/.exec(VERAMO_AGENT_YAML);
    expect(named?.[1]).toBe('#saiga/agent/identity/did-resolvers.js');
    const current = (await import(named![1]!)) as { getWebResolver: unknown };
    const earlier = (await import('#saiga/agent/did-resolvers.js' as string)) as { getWebResolver: unknown };
    expect(typeof current.getWebResolver).toBe('function');
    expect(earlier.getWebResolver).toBe(current.getWebResolver);
  });
});
