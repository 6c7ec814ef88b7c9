/**
 * The agent's key management system (agent.yml `keyManager` → `kms.local`): Veramo's kms-local,
 * keys in the same encrypted PrivateKeyStore, with a faster X25519 key agreement for DIDComm.
 *
 * kms-local's `sharedSecret` reads the private key from the database, decrypts it (SecretBox),
 * converts it from Ed25519 to X25519 and multiplies in JavaScript, for every call: two calls
 * per received authcrypt message and one per sent one. Here the converted key is kept in
 * memory only, as a node:crypto KeyObject (never written anywhere, so the key store stays the one copy on disk)
 * and the agreement is node:crypto's X25519 (RFC 7748 §5, OpenSSL). The result is the same
 * shared secret, byte for byte (test/exchange/envelope-kms.test.ts).
 *
 * Ed25519 → X25519 conversion of the private key: RFC 8032 §5.1.5 steps 1–2 (the first half
 * of SHA-512 of the seed is the scalar); node clamps it as RFC 7748 §5 says. Of a public key:
 * the birational map of RFC 7748 §4.1, with @noble/curves.
 */
import { createHash, createPrivateKey, createPublicKey, diffieHellman, type KeyObject } from 'node:crypto';
import { KeyManagementSystem } from '@veramo/kms-local';
import type { AbstractPrivateKeyStore } from '@veramo/key-manager';
import type { IKey } from '@veramo/core';

// DER prefixes of an X25519 key (RFC 8410 §7 PKCS#8 private key, §4 SubjectPublicKeyInfo), followed by the 32 raw bytes.
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');
/** Peers' Ed25519 public keys converted to X25519; a bound, not a policy: the map is emptied when full. */
const MAX_PUBLIC_KEYS = 1024;

export class SaigaKeyManagementSystem extends KeyManagementSystem {
  private readonly privateKeys: AbstractPrivateKeyStore;
  private readonly agreementKeys = new Map<string, Promise<KeyObject>>();
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(keyStore: AbstractPrivateKeyStore) {
    super(keyStore);
    this.privateKeys = keyStore;
  }

  override async sharedSecret(args: { myKeyRef: Pick<IKey, 'kid'>; theirKey: Pick<IKey, 'type' | 'publicKeyHex'> }): Promise<string> {
    const { theirKey } = args;
    if (typeof theirKey?.type !== 'string' || typeof theirKey.publicKeyHex !== 'string' || !theirKey.publicKeyHex) {
      throw new Error(`invalid_argument: args.theirKey must contain 'type' and 'publicKeyHex'`);
    }
    const privateKey = await this.agreementKey(args.myKeyRef.kid);
    const publicKey = await this.publicKeyObject(theirKey.type, theirKey.publicKeyHex);
    return diffieHellman({ privateKey, publicKey }).toString('hex');
  }

  override async deleteKey(args: { kid: string }): Promise<boolean> {
    this.agreementKeys.delete(args.kid);
    return super.deleteKey(args);
  }

  private agreementKey(kid: string): Promise<KeyObject> {
    let key = this.agreementKeys.get(kid);
    if (key === undefined) {
      key = this.loadAgreementKey(kid);
      this.agreementKeys.set(kid, key);
      // A failed load (unknown key) is not remembered.
      key.catch(() => this.agreementKeys.delete(kid));
    }
    return key;
  }

  private async loadAgreementKey(kid: string): Promise<KeyObject> {
    let stored: { type: string; privateKeyHex?: string; alias: string };
    try {
      stored = await this.privateKeys.getKey({ alias: kid });
    } catch {
      throw new Error(`key_not_found: No key entry found for kid=${kid}`);
    }
    if (!stored.privateKeyHex) throw new Error(`key_not_managed: No private key is available for kid: ${stored.alias}`);
    const secret = Buffer.from(stored.privateKeyHex, 'hex');
    let scalar: Buffer;
    if (stored.type === 'Ed25519') scalar = createHash('sha512').update(secret.subarray(0, 32)).digest().subarray(0, 32);
    else if (stored.type === 'X25519') scalar = secret.subarray(0, 32);
    else throw new Error(`not_supported: can't compute shared secret for type=${stored.type}`);
    const key = createPrivateKey({ key: Buffer.concat([PKCS8_X25519, scalar]), format: 'der', type: 'pkcs8' });
    scalar.fill(0);
    secret.fill(0);
    return key;
  }

  /** DIDComm passes X25519 keys (most of them ephemeral, never seen again); an Ed25519 key's conversion is the costly part, kept. */
  private async publicKeyObject(type: string, publicKeyHex: string): Promise<KeyObject> {
    if (type === 'X25519') return x25519PublicKey(Buffer.from(publicKeyHex, 'hex'));
    if (type !== 'Ed25519') throw new Error(`not_supported: can't compute shared secret for type=${type}`);
    const known = this.publicKeys.get(publicKeyHex);
    if (known) return known;
    const key = x25519PublicKey((await import('@noble/curves/ed25519')).edwardsToMontgomeryPub(publicKeyHex));
    if (this.publicKeys.size >= MAX_PUBLIC_KEYS) this.publicKeys.clear();
    this.publicKeys.set(publicKeyHex, key);
    return key;
  }
}

function x25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error('invalid_argument: an X25519 public key has 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });
}
