/**
 * A circuit breaker per peer (the delivery worker keeps one for each recipient DID): after
 * `threshold` failures in a row (unreachable, timeout, server error) the peer is tried only
 * once per cool-down, so a dead peer costs one attempt per cool-down and never holds up
 * messages to the others. Any answer that is not a server error shows the peer is alive and
 * closes the circuit. State is in memory: a restarted agent tries every peer again at once.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export class PeerCircuit {
  private failures = 0;
  private openUntil = 0;
  /** True while the one attempt of a half-open circuit is out. */
  private trial = false;

  constructor(private readonly settings: { circuitThreshold: number; circuitCoolDownMs: number }) {}

  state(now: number): CircuitState {
    if (this.failures < this.settings.circuitThreshold) return 'closed';
    return now < this.openUntil ? 'open' : 'half-open';
  }

  /** Whether an attempt may start now, given how many are in flight to this peer. */
  allows(now: number, inFlight: number, concurrency: number): boolean {
    switch (this.state(now)) {
      case 'closed':
        return inFlight < concurrency;
      case 'open':
        return false;
      case 'half-open':
        return !this.trial && inFlight === 0;
    }
  }

  /** Called when an attempt starts: in a half-open circuit it is the one trial. */
  started(now: number): void {
    if (this.state(now) === 'half-open') this.trial = true;
  }

  /** When the circuit lets a trial through again (undefined when it is not open). */
  reopensAt(now: number): number | undefined {
    return this.state(now) === 'open' ? this.openUntil : undefined;
  }

  succeeded(): void {
    this.failures = 0;
    this.trial = false;
  }

  failed(now: number): void {
    this.failures += 1;
    this.trial = false;
    if (this.failures >= this.settings.circuitThreshold) this.openUntil = now + this.settings.circuitCoolDownMs;
  }
}
