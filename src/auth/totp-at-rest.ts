/**
 * The TOTP secret at rest (docs/console-sign-in.md): app_user.totp_secret holds
 *
 *   v1.<IV, 12 bytes, base64url>.<AES-256-GCM ciphertext and its 16-byte tag, base64url>
 *
 * never the base32 secret itself. A fresh random 96-bit IV per secret (NIST SP 800-38D §8.2.2;
 * §8.3 allows 2^32 random IVs under one key, far above any number of accounts); the user's id is
 * the additional authenticated data, so a ciphertext copied onto another account's row does not
 * open there (nor a tampered one, nor one under another key).
 *
 * The key is not the agent's secret key itself (src/agent/identity/secret.ts, which Veramo's
 * SecretBox uses for the key store) but one derived from it with HKDF-SHA256 (RFC 5869) and an
 * info label of its own. One key is never used for two purposes (key separation, NIST SP 800-108;
 * RFC 5869 §3.2: "info" binds the derived key to its application and context): a flaw or a misuse
 * in one of the two schemes then tells nothing about the other's key. No salt: the input is already
 * a uniformly random 256-bit key (RFC 5869 §3.1: the salt is optional). The "v1" prefix and the
 * label's "v1" let a later format or key live beside this one.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** HKDF's info for this key; another purpose derives with another label. */
export const TOTP_KEY_INFO = 'saiga totp-secret v1';
/**
 * HKDF's info for the key check (src/agent/wiring/totp-box.ts): a value stored in the database that
 * tells whether a secret key is the agent's before anything is sealed with it. A label of its own,
 * so the stored value says nothing about the TOTP key (RFC 5869 §3.2).
 */
export const KEY_CHECK_INFO = 'saiga secret-key check v1';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = '[A-Za-z0-9_-]';
/** v1, a 12-byte IV (16 base64url characters), then at least the tag (22 characters). */
const SEALED = new RegExp(`^${VERSION}\\.(${B64URL}{16})\\.(${B64URL}{22,})$`);

/** Whether a stored value has the sealed format (it may still fail to open). */
export function isSealedTotpSecret(value: string): boolean {
  return SEALED.test(value);
}

/** Seals and opens TOTP secrets with one derived key; see the file comment. */
export class TotpSecretBox {
  private constructor(
    private readonly key: Buffer,
    /** The key check of the agent secret key this box comes from (base64url, 32 bytes). */
    readonly keyCheck: string,
  ) {}

  /** The box of the agent's secret key (64 hexadecimal characters, as loadSecret returns it). */
  static fromAgentSecret(agentSecretHex: string): TotpSecretBox {
    if (!/^[0-9a-f]{64}$/i.test(agentSecretHex)) throw new Error('the agent secret key must be 64 hexadecimal characters');
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', Buffer.from(agentSecretHex, 'hex'), Buffer.alloc(0), info, 32));
    return new TotpSecretBox(derive(TOTP_KEY_INFO), derive(KEY_CHECK_INFO).toString('base64url'));
  }

  seal(userId: string, secret: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(userId, 'utf8'));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
  }

  /** The clear secret, or undefined when the value is not v1, was altered, belongs to another user or another key. */
  open(userId: string, stored: string): string | undefined {
    const match = SEALED.exec(stored);
    if (!match) return undefined;
    const iv = Buffer.from(match[1]!, 'base64url');
    const sealed = Buffer.from(match[2]!, 'base64url');
    if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(userId, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      // final() throws when the tag does not match: wrong key, wrong user id, or altered bytes.
      return undefined;
    }
  }
}
