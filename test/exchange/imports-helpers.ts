/**
 * The receiving side of the exchange in-process, for the handler and imports tests: a real
 * agent (its own SQLite file, its did:web, its verifier resolving peers over loopback) opened
 * with openAgent, and its handlers driven as the inbox drives them: the body schema, then
 * `check`, then `apply` in one unit of work. The envelope and the inbox are tested with them.
 */
import { nodeCryptoSuite } from '../../src/verification/node-signature.js';
import { randomUUID } from 'node:crypto';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { handlersFor, type HandlerDeps } from '../../src/exchange/handlers/index.js';
import type { MessageBodies, MessageKind } from '../../src/exchange/message-types.js';
import type { ExchangeRefusal, MessageHandler } from '../../src/exchange/ports.js';

export interface Receiver {
  saiga: OpenedAgent;
  deps: HandlerDeps;
  receive<K extends MessageKind>(kind: K, from: string, body: MessageBodies[K]): Promise<{ ok: true } | ExchangeRefusal>;
  close(): Promise<void>;
}

export async function openReceiver(configPath: string): Promise<Receiver> {
  const saiga = await openAgent({ configPath, env: {} });
  const deps: HandlerDeps = {
    authority: { did: saiga.identity.did, country: saiga.config.saiga.authority.country },
    verify: (jwt, at) => saiga.verifier.verify(jwt, at),
    verifyEndorsement: saiga.verifier.verifyEndorsement,
    trusted: () => saiga.verifier.trustedIssuers,
    incomingPermits: saiga.store.reads.incomingPermits,
    now: () => new Date(),
    reads: saiga.store.reads,
    checkImportConfirmation: (input) => saiga.verifier.checkImportConfirmation(input),
    resolveDid: saiga.verifier.resolveDid,
    signatureSuite: nodeCryptoSuite,
  };
  const handlers = handlersFor(deps);
  return {
    saiga,
    deps,
    async receive(kind, from, body) {
      const handler = handlers.get(kind) as MessageHandler & { validate(body: unknown): ExchangeRefusal | undefined };
      const invalid = handler.validate(body);
      if (invalid) return invalid;
      const message = { id: randomUUID(), kind, from, body, receivedAt: new Date() };
      const checked = await handler.check(message);
      if (!checked.ok) return checked;
      return saiga.store.transaction((work) => handler.apply(work, checked.checked, message));
    },
    close: () => saiga.close(),
  };
}
