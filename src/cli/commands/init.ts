import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { withCliAgent } from '../agent.js';
import { writeAgentYamlIfAbsent } from '../../agent/config/write-config.js';
import type { DidMethod } from '../../agent/config/config.js';
import { EXIT, UsageError, type Output } from '../output.js';

export interface InitOptions {
  config: string;
  country?: string;
  name?: string;
  address?: string;
  place?: string;
  url?: string;
  didMethod?: string;
  /** Create a new identity although the data folder shows an earlier one. */
  newIdentity?: boolean;
}

/** `saiga init`: writes agent.yml when absent and creates the authority's DID. Running it again changes nothing. */
export async function initCommand(options: InitOptions, out: Output): Promise<number> {
  const path = resolve(options.config);
  let wrote = false;
  if (!existsSync(path)) {
    if (!options.country) throw new UsageError('a new agent needs --country (ISO 3166 alpha-2, e.g. --country LK)');
    const country = options.country.toUpperCase();
    const didMethod = (options.didMethod ?? 'web') as DidMethod;
    if (didMethod !== 'web' && didMethod !== 'key') throw new UsageError('--did-method must be web or key');
    wrote = writeAgentYamlIfAbsent(path, {
      country,
      name: options.name ?? `CITES Management Authority (${country})`,
      address: options.address ?? options.place ?? country,
      place: options.place ?? country,
      url: options.url ?? 'http://localhost:8080',
      didMethod,
    });
  }
  // Creating the identities needs the key store: 'sign', with the authority's self-test.
  return withCliAgent(
    'sign',
    path,
    out,
    async ({ identities }) => {
      const { authority, customs, created } = identities;
      const value = { config: path, wroteConfig: wrote, createdIdentity: created, did: authority.did, customsDid: customs.did };
      out.result(value, () => [
        wrote ? `Wrote ${path}` : `${path} exists; left as it is`,
        created ? `Created the authority's DID: ${authority.did}` : `The authority's DID: ${authority.did}`,
        `Its customs DID (signs export endorsements): ${customs.did}`,
      ]);
      return EXIT.OK;
    },
    { initialise: true, newIdentity: Boolean(options.newIdentity), signer: 'authority' },
  );
}
