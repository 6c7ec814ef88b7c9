/**
 * Who acts, for CLI commands that sign or record a person: box 13's signatory, the officer
 * of a revocation, suspension or reinstatement, the customs officer of an endorsement.
 * Either a named person (`--officer NAME`, checked like a token holder's name) or an API
 * token (`--token T` or SAIGA_TOKEN) whose holder's name is used — never the login name of
 * whoever runs the command ("root").
 */
import type { Role, TokenStore } from '../auth/tokens.js';
import { checkHolderName } from '../auth/token-input.js';
import { UsageError } from './output.js';

export const TOKEN_ENV = 'SAIGA_TOKEN';

export interface ActingPerson {
  name: string;
  tokenId?: string;
}

export class ActorTokenError extends Error {
  readonly code = 'UNAUTHORIZED';
}

export interface ActorOptions {
  /** The person's name given on the command line. */
  name?: string;
  /** The flag that gives it, for messages (`--officer`, `--signatory`). */
  flag: string;
  token?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Roles whose token may act here. */
  roles: readonly Role[];
}

/** Checks what can be checked without the database: a name given, or a token present. */
export function actorRequest(options: ActorOptions): { name: string } | { token: string } {
  const token = options.token ?? options.env[TOKEN_ENV];
  if (options.name !== undefined) {
    const checked = checkHolderName(options.name, 'officer', options.flag);
    if (!checked.ok) throw new UsageError(`${options.flag}: ${checked.issue.message}`);
    return { name: checked.name };
  }
  if (token !== undefined && token !== '') return { token };
  throw new UsageError(`name the person who acts: ${options.flag} "Full Name", or --token TOKEN (or ${TOKEN_ENV}) of an ${options.roles.join(' or ')} token`);
}

/** The acting person: the name given, or the holder of a live token of an allowed role. */
export async function resolveActor(request: { name: string } | { token: string }, tokens: Pick<TokenStore, 'check'>, roles: readonly Role[]): Promise<ActingPerson> {
  if ('name' in request) return { name: request.name };
  const checked = await tokens.check(request.token);
  if (!checked.ok) {
    throw new ActorTokenError(checked.reason === 'unknown' ? 'the token is unknown to this agent' : `the token was ${checked.reason} at ${checked.at}`);
  }
  if (!roles.includes(checked.token.role)) throw new ActorTokenError(`a ${checked.token.role} token may not do this; it needs ${roles.join(' or ')}`);
  return { name: checked.token.name, tokenId: checked.token.id };
}
