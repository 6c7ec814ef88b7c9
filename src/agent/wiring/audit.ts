/**
 * The audit trail's wiring (issue 10 §3, docs/audit.md): the keys a checkpoint may be signed
 * with, and what `saiga serve` adds — its start, with the hash of its configuration, and the
 * checkpoint schedule.
 */
import type { AuthorityKey } from '../../audit/checkpoints.js';
import { CheckpointSchedule } from '../../audit/checkpoint-schedule.js';
import { AUDIT_ACTIONS } from '../../audit/record.js';
import type { AuditSigning } from '../../audit/service.js';
import { sha256Hex, SYSTEM_ACTOR } from '../../store/audit-log.js';
import { canonicalJson } from '../../vocab/canonical-json.js';
import type { SaigaStore } from '../../store/unit-of-work.js';
import type { LoadedConfig } from '../config/config.js';
import type { SigningKeyView } from '../identity/key-states.js';
import type { AuditAgent } from './capabilities.js';
import { exchangeLog } from './exchange.js';

/** Every key the Management Authority's DID has had, revoked ones too: a checkpoint signed before a rotation stays valid. */
export function authorityKeysOf(views: readonly SigningKeyView[]): { did: string; keys: AuthorityKey[] } {
  const own = views.filter((v) => v.identity === 'authority');
  return {
    did: own[0]?.did ?? '',
    keys: own.map((v) => ({ kid: v.kid, publicKeyHex: v.publicKeyHex, ...(v.compromisedSince !== undefined && { compromisedSince: v.compromisedSince }) })),
  };
}

/**
 * The hash of the configuration as loaded: the parsed agent.yml, canonical JSON. agent.yml
 * holds no secret (the key-store secret comes from SAIGA_SECRET_KEY or data/secret.key), and
 * the Veramo part names it only as a placeholder, never its value.
 */
export const configHash = (config: LoadedConfig): string => sha256Hex(canonicalJson(config.document));

export function serveAudit(deps: { config: LoadedConfig; store: SaigaStore; signing: AuditSigning; now: () => Date }): AuditAgent {
  const { config, store } = deps;
  const schedule = new CheckpointSchedule({
    settings: config.saiga.audit,
    head: async () => {
      const head = await store.reads.audit.head();
      return head && { seq: head.seq, at: (await store.reads.audit.bySeq(head.seq))?.at ?? deps.now().toISOString() };
    },
    firstAt: async () => (await store.reads.audit.first())?.at,
    latest: () => store.reads.auditCheckpoints.latest(),
    checkpoint: () => deps.signing.checkpoint(),
    now: deps.now,
    log: exchangeLog,
  });
  return {
    started: () =>
      store.transaction(async (work) => {
        await work.audit.append({
          actor: SYSTEM_ACTOR,
          action: AUDIT_ACTIONS.agentStart,
          details: { configHash: configHash(config), configPath: config.configPath, url: config.saiga.url },
        });
      }),
    startCheckpoints: () => schedule.start(),
    stopCheckpoints: () => schedule.stop(),
  };
}
