/**
 * The did:web resolver Veramo's DIDResolverPlugin uses in the agent (named in agent.yml).
 * It is the verification core's resolver, given Node's fetch: https everywhere, http only
 * for loopback hosts, so that authorities on one machine or a local network work.
 */
import { getDidWebResolver } from '../../verify/index.js';

export function getWebResolver() {
  return getDidWebResolver({ fetch: globalThis.fetch.bind(globalThis) });
}
