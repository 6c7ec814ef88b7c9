/**
 * The authority's status lists: indexes for new permits, and bits set or cleared when a
 * permit is revoked, suspended or reinstated — each change republished (re-signed) in the
 * same transaction, so the public list never lags the database.
 *
 * BSL §6.1 (group privacy): indexes are drawn at random, so a permit's index says
 * nothing about when it was issued or which permits came before it. A new list starts
 * when the current one is full. Indexes are never reused (see store/status-lists.ts).
 */
import { getBit, MIN_STATUS_LIST_LENGTH, newBitstring, setBit } from '../vocab/bitstring.js';
import { buildStatusListCredential, statusEntry, statusListUrl, type StatusListCredential } from './list-credential.js';
import type { ListPurpose, StatusListReads, StatusListRow, StatusListStore } from '../store/status-lists.js';

export const PURPOSES: readonly ListPurpose[] = ['revocation', 'suspension'];
/** Random draws before falling back to the next free index after a random start. */
const RANDOM_DRAWS = 32;

export interface StatusListDeps {
  baseUrl: string;
  issuerDid: string;
  sign: (credential: StatusListCredential) => Promise<string>;
  now: () => Date;
  /** A uniformly random integer in [0, n). */
  randomIndex: (n: number) => number;
  listLength?: number;
}

export type CredentialStatusEntry = ReturnType<typeof statusEntry>;

export class StatusLists {
  private readonly length: number;

  constructor(private readonly deps: StatusListDeps) {
    this.length = deps.listLength ?? MIN_STATUS_LIST_LENGTH;
  }

  url(purpose: ListPurpose, seq: number): string {
    return statusListUrl(this.deps.baseUrl, purpose, seq);
  }

  private async sign(purpose: ListPurpose, seq: number, bits: Uint8Array): Promise<string> {
    return this.deps.sign(buildStatusListCredential({ url: this.url(purpose, seq), issuerDid: this.deps.issuerDid, purpose, bits, now: this.deps.now() }));
  }

  private async openList(store: StatusListStore, purpose: ListPurpose): Promise<StatusListRow> {
    const latest = await store.latest(purpose);
    if (latest && latest.allocated < latest.length) return latest;
    const seq = (latest?.seq ?? 0) + 1;
    const bits = newBitstring(this.length);
    return store.create(purpose, seq, this.length, bits, await this.sign(purpose, seq, bits), this.deps.now().toISOString());
  }

  private async drawIndex(store: StatusListStore, list: StatusListRow): Promise<number> {
    for (let i = 0; i < RANDOM_DRAWS; i++) {
      const index = this.deps.randomIndex(list.length);
      if (!(await store.isTaken(list.id, index))) return index;
    }
    const index = await store.firstFreeFrom(list.id, this.deps.randomIndex(list.length), list.length);
    if (index === undefined) throw new Error(`status list ${list.purpose}/${list.seq} is full but not marked so`);
    return index;
  }

  /**
   * Entries as long as any `allocate` gives (the last index of a list numbered 9999), drawing
   * nothing: a permit preview bounds its signed size with them (src/issuance/preview.ts).
   */
  placeholderEntries(): CredentialStatusEntry[] {
    return PURPOSES.map((purpose) => statusEntry(this.url(purpose, 9999), purpose, this.length - 1));
  }

  /** Inside the issuing unit of work (`work.statusLists`): one revocation and one suspension entry for a new permit. */
  async allocate(store: StatusListStore, permitNumber: string): Promise<CredentialStatusEntry[]> {
    const entries: CredentialStatusEntry[] = [];
    for (const purpose of PURPOSES) {
      const list = await this.openList(store, purpose);
      const index = await this.drawIndex(store, list);
      await store.assign(list.id, index, permitNumber);
      entries.push(statusEntry(this.url(purpose, list.seq), purpose, index));
    }
    return entries;
  }

  /**
   * Inside a unit of work (`work.statusLists`): sets or clears a permit's bit and republishes its
   * list. Returns false when the bit already had that value.
   */
  async set(store: StatusListStore, permitNumber: string, purpose: ListPurpose, value: boolean): Promise<boolean> {
    const entry = await store.entryOf(permitNumber, purpose);
    if (!entry) throw new Error(`permit ${permitNumber} has no ${purpose} entry`);
    const { list, index } = entry;
    if (getBit(list.bits, index) === value) return false;
    setBit(list.bits, index, value);
    await store.publish(list.id, list.bits, await this.sign(purpose, list.seq, list.bits), this.deps.now().toISOString());
    return true;
  }

  /**
   * Inside a unit of work: signs every list again, bits unchanged, with the signer's current key
   * (after a key revocation, issue 9 §6: a list signed with a revoked key no longer verifies).
   * Returns how many lists were re-signed.
   */
  async resignAll(store: StatusListStore): Promise<number> {
    let count = 0;
    for (const purpose of PURPOSES) {
      const latest = await store.latest(purpose);
      for (let seq = 1; seq <= (latest?.seq ?? 0); seq++) {
        const list = await store.bySeq(purpose, seq);
        if (list === undefined) continue;
        await store.publish(list.id, list.bits, await this.sign(purpose, seq, list.bits), this.deps.now().toISOString());
        count++;
      }
    }
    return count;
  }

  /** The list as published: its signed credential and version (for ETags). */
  async published(reads: StatusListReads, purpose: ListPurpose, seq: number): Promise<StatusListRow | undefined> {
    return reads.bySeq(purpose, seq);
  }
}
