/**
 * `withAgent(kind, options, fn)`: opens what a command needs, runs `fn` with its
 * capabilities, and closes the agent whatever happens.
 *
 * - 'read': configuration and store (./open-readonly.ts): no Veramo, no secret, no self-test;
 * - 'sign': also Veramo, the key store and one self-test of `options.signer` (./open.ts);
 * - 'serve': everything, and the trust list signed once.
 *
 * A permit number this agent never issued: `fn` calls `foundPermit(value, number)`, and
 * withAgent answers with `options.notFound(number)` (the CLI's NOT_FOUND, exit status 1).
 * Each kind's modules load when that kind is opened, so a read-only command never loads Veramo.
 */
import type { AgentKind, CapabilitiesOf, SigningRole } from './capabilities.js';

export interface WithAgentOptions<T> {
  configPath: string;
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
  /** 'sign' and 'serve': create the secret and the identity if this agent has none yet. */
  initialise?: boolean;
  /** 'sign' and 'serve': create a new identity although the data folder shows an earlier one. */
  newIdentity?: boolean;
  /** 'sign': the identity the command signs with (its self-test runs); default the authority. */
  signer?: SigningRole;
  /** The answer when `fn` finds no permit with the number it was given. */
  notFound?: (permitNumber: string) => T;
}

class PermitNotFound extends Error {
  constructor(readonly permitNumber: string) {
    super(`No permit numbered ${permitNumber} was issued here.`);
  }
}

/** The value, or (when undefined) the end of `fn`: withAgent answers with `notFound(permitNumber)`. */
export function foundPermit<V>(value: V | undefined, permitNumber: string): V {
  if (value === undefined) throw new PermitNotFound(permitNumber);
  return value;
}

async function open<K extends AgentKind>(kind: K, options: WithAgentOptions<unknown>): Promise<{ capabilities: CapabilitiesOf[K]; close(): Promise<void> }> {
  const { configPath, env, now, initialise, newIdentity, signer } = options;
  const common = { configPath, ...(env !== undefined && { env }), ...(now !== undefined && { now }) };
  if (kind === 'read') {
    const opened = await (await import('./open-readonly.js')).openReadOnly(common);
    return opened as { capabilities: CapabilitiesOf[K]; close(): Promise<void> };
  }
  const { openAgent } = await import('./open.js');
  const flags = { ...(initialise !== undefined && { initialise }), ...(newIdentity !== undefined && { newIdentity }) };
  const opened = kind === 'sign' ? await openAgent({ ...common, ...flags, kind: 'sign', ...(signer !== undefined && { signer }) }) : await openAgent({ ...common, ...flags, kind: 'serve' });
  return opened as unknown as { capabilities: CapabilitiesOf[K]; close(): Promise<void> };
}

export async function withAgent<K extends AgentKind, T>(kind: K, options: WithAgentOptions<T>, fn: (agent: CapabilitiesOf[K]) => Promise<T>): Promise<T> {
  const agent = await open(kind, options);
  try {
    return await fn(agent.capabilities);
  } catch (error) {
    if (error instanceof PermitNotFound && options.notFound) return options.notFound(error.permitNumber);
    throw error;
  } finally {
    await agent.close();
  }
}

