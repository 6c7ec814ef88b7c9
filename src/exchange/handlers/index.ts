/**
 * The registry of message handlers: what this agent does with each message type it accepts.
 * Each part of the exchange adds its handlers below, one line each, and the fields of
 * HandlerDeps it needs. (The outbox part writes this file in full; this copy holds the keys
 * part's line and fields, for the lead to merge into it.)
 */
import type { MessageKind } from '../message-types.js';
import type { MessageHandler } from '../ports.js';
import { keyRevokedHandler, type KeyRevokedDeps } from './key-revoked.js';

/** What handlers are given by the composition root (src/agent/wiring/open.ts). */
export type HandlerDeps = KeyRevokedDeps;

export function handlersFor(deps: HandlerDeps): Map<MessageKind, MessageHandler> {
  const handlers: MessageHandler[] = [
    // key-revoked ("keys"): deps.trusted, deps.forgetDid (the agent verifier's and the DIDComm resolver's caches)
    keyRevokedHandler(deps) as unknown as MessageHandler,
  ];
  return new Map(handlers.map((h) => [h.kind, h]));
}
