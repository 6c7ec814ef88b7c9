/**
 * The keys an audit checkpoint may be signed with: every key the Management Authority's DID
 * has had (key-states.ts), revoked ones too — a checkpoint signed before a rotation stays
 * valid; one signed after a key was compromised does not (src/audit/checkpoints.ts).
 */
import type { AuthorityKey } from '../../audit/checkpoints.js';
import type { SigningKeyView } from '../identity/key-states.js';

export function authorityKeysOf(views: readonly SigningKeyView[]): { did: string; keys: AuthorityKey[] } {
  const own = views.filter((v) => v.identity === 'authority');
  return {
    did: own[0]?.did ?? '',
    keys: own.map((v) => ({ kid: v.kid, publicKeyHex: v.publicKeyHex, ...(v.compromisedSince !== undefined && { compromisedSince: v.compromisedSince }) })),
  };
}
