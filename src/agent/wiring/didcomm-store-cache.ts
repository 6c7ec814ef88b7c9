/**
 * Veramo's identifier and key stores (agent.yml `didManager.store`, `keyManager.store`) with
 * their reads kept in memory for a few seconds. Every DIDComm message reads this authority's
 * identifier (`didManagerGet`) and, per key agreement, its key's entry (`keyManagerSharedSecret`
 * looks up which KMS holds it): three SQLite queries a message, a fifth of its cost.
 *
 * Only public data is kept (DIDs, public keys, which KMS holds a key; never a private key),
 * every answer is a copy (Veramo converts the keys of an identifier it gets in place), and a
 * write through this process empties the cache at once. A write by another process (a CLI
 * command beside `saiga serve`) shows here within CACHE_SECONDS.
 */
import { DIDStore, KeyStore } from '@veramo/data-store';
import type { IIdentifier, IKey } from '@veramo/core';

export const STORE_CACHE_SECONDS = 10;

class Recent<T> {
  private readonly entries = new Map<string, { value: Promise<T>; at: number }>();

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit !== undefined && now - hit.at < STORE_CACHE_SECONDS * 1000) return hit.value;
    const value = load();
    this.entries.set(key, { value, at: now });
    // A failed read (not found) is not remembered.
    value.catch(() => this.entries.delete(key));
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

export class CachedDIDStore extends DIDStore {
  private readonly recent = new Recent<IIdentifier>();

  override async getDID(args: { did: string; alias: string; provider: string }): Promise<IIdentifier> {
    // Only the lookup by DID is kept: the one DIDComm and signing use.
    if (args.did === undefined || args.alias !== undefined) return super.getDID(args);
    return structuredClone(await this.recent.get(args.did, () => super.getDID(args)));
  }

  override async importDID(args: IIdentifier): Promise<boolean> {
    this.recent.clear();
    try {
      return await super.importDID(args);
    } finally {
      this.recent.clear();
    }
  }

  override async deleteDID(args: { did: string }): Promise<boolean> {
    this.recent.clear();
    try {
      return await super.deleteDID(args);
    } finally {
      this.recent.clear();
    }
  }
}

export class CachedKeyStore extends KeyStore {
  private readonly recent = new Recent<IKey>();

  override async getKey(args: { kid: string }): Promise<IKey> {
    const key = await this.recent.get(args.kid, async () => {
      const { kid, kms, type, publicKeyHex, meta } = await super.getKey(args);
      return { kid, kms, type, publicKeyHex, ...(meta !== undefined && { meta }) } as IKey;
    });
    return structuredClone(key);
  }

  override async importKey(args: IKey): Promise<boolean> {
    this.recent.clear();
    try {
      return await super.importKey(args);
    } finally {
      this.recent.clear();
    }
  }

  override async deleteKey(args: { kid: string }): Promise<boolean> {
    this.recent.clear();
    try {
      return await super.deleteKey(args);
    } finally {
      this.recent.clear();
    }
  }
}
