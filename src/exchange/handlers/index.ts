/**
 * The registry of message handlers (Decision 2): one per message kind, each added by the part
 * of the exchange that owns it. The inbox looks a received message's kind up here.
 */
import type { MessageKind } from '../message-types.js';
import type { MessageHandler } from '../ports.js';
import { keyRevokedHandler, type KeyRevokedDeps } from './key-revoked.js';

export type HandlerDeps = KeyRevokedDeps;

export function handlersFor(deps: HandlerDeps): Map<MessageKind, MessageHandler> {
  const handlers = new Map<MessageKind, MessageHandler>();
  // keys: a peer revoked a signing key; its cached DID document is dropped.
  handlers.set('keyRevoked', keyRevokedHandler(deps) as unknown as MessageHandler);
  return handlers;
}
