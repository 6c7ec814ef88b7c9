/**
 * `saiga serve` signs a checkpoint of the audit chain's head every `checkpointEvery` entries
 * and at least every `checkpointMaxAgeHours` (at most a day, issue 10 §3) while entries are
 * added; it looks at the head every `pollIntervalMs`, and once at start. A trail with nothing
 * new since its last checkpoint needs none; the first checkpoint counts from the first entry.
 */
import type { StoredCheckpoint } from '../store/audit-checkpoints.js';

/** agent.yml `saiga.audit` (src/agent/config/config.ts gives the defaults). */
export interface AuditConfig {
  /** A checkpoint once this many entries were added since the last one. */
  checkpointEvery: number;
  /** …and when the last one is this old and entries were added since (at least daily). */
  checkpointMaxAgeHours: number;
  /** How often the agent looks at the chain's head. */
  pollIntervalMs: number;
}

export interface CheckpointScheduleDeps {
  settings: AuditConfig;
  head: () => Promise<{ seq: number; at: string } | undefined>;
  /** The time of the first entry still stored. */
  firstAt: () => Promise<string | undefined>;
  latest: () => Promise<Pick<StoredCheckpoint, 'seq' | 'at'> | undefined>;
  /** Signs, stores (and pushes to peers) one checkpoint. */
  checkpoint: () => Promise<unknown>;
  now: () => Date;
  log?: (line: Record<string, unknown>) => void;
}

/** Whether a checkpoint is due now. */
export function checkpointDue(
  head: { seq: number; at: string } | undefined,
  latest: Pick<StoredCheckpoint, 'seq' | 'at'> | undefined,
  settings: AuditConfig,
  now: Date,
  firstAt?: string,
): boolean {
  if (!head) return false;
  // With no checkpoint yet, the chain counts from its first entry, and its age from that entry's time.
  const since = latest ?? { seq: 0, at: firstAt ?? head.at };
  if (head.seq <= since.seq) return false;
  return head.seq - since.seq >= settings.checkpointEvery || now.getTime() - Date.parse(since.at) >= settings.checkpointMaxAgeHours * 3_600_000;
}

export class CheckpointSchedule {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly deps: CheckpointScheduleDeps) {}

  start(): void {
    this.stopped = false;
    this.tick();
  }

  /** Stops looking; a checkpoint being signed is finished first. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One look at the head; signs when due (tests call it directly). */
  async runOnce(): Promise<boolean> {
    const [head, latest, firstAt] = await Promise.all([this.deps.head(), this.deps.latest(), this.deps.firstAt()]);
    if (!checkpointDue(head, latest, this.deps.settings, this.deps.now(), firstAt)) return false;
    await this.deps.checkpoint();
    return true;
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = this.runOnce()
      .then(() => undefined)
      .catch((error: unknown) => this.deps.log?.({ level: 'error', event: 'audit-checkpoint-failed', error: String((error as Error).message ?? error) }))
      .finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(() => this.tick(), this.deps.settings.pollIntervalMs);
        this.timer.unref?.();
      });
  }
}
