/**
 * The CLI's way to open an agent: `withAgent` (src/agent/wiring/with-agent.ts) with
 * `--config`, answering a permit number this agent never issued with NOT_FOUND (exit 1).
 * Each command opens only what it needs: 'read' (configuration and store), 'sign' (also the
 * key store and one signing self-test) or 'serve' (everything).
 */
import type { AgentKind, CapabilitiesOf } from '../agent/wiring/capabilities.js';
import { withAgent, type WithAgentOptions } from '../agent/wiring/with-agent.js';
import { permitNotFound, type Output } from './output.js';

export { foundPermit } from '../agent/wiring/with-agent.js';

export function withCliAgent<K extends AgentKind>(
  kind: K,
  config: string,
  out: Output,
  fn: (agent: CapabilitiesOf[K]) => Promise<number>,
  options: Omit<WithAgentOptions<number>, 'configPath' | 'notFound'> = {},
): Promise<number> {
  return withAgent(kind, { ...options, configPath: config, notFound: (permitNumber) => permitNotFound(out, permitNumber) }, fn);
}
