/**
 * Holder links (issue 12 §1, docs/holder-links.md): an officer shares an issued permit with
 * its holder (the trader) as a link, `${saiga.url}/holder/${token}`, that opens the holder page
 * (src/http/routes/holder-page.ts). The token is 32 random bytes in base64url, shown once;
 * only its SHA-256 is stored, like an API token's. Each share, revocation, opening and
 * download is in the audit trail with the link's id, never its token (Decision 18.125(e)).
 *
 * Sharing never touches the signed permit: a link is a row beside it.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AUDIT_ACTIONS } from '../audit/record.js';
import { MAIL_CODES, type HolderCode } from '../codes.js';
import type { AuditActor } from '../store/audit-log.js';
import type { HolderLinkRecord } from '../store/holder-links.js';
import type { StoredPermit } from '../store/permits.js';
import type { CommittedReads, Transactions } from '../store/unit-of-work.js';
import { holderLinkExpiry } from './expiry.js';
import type { HolderLanguage } from './input.js';
import type { HolderLinkMailer } from './mailer.js';

/** A link as officers see it (GET /api/permits/{number}/shares): never its token. */
export interface HolderLinkView {
  id: string;
  permitNumber: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  state: 'active' | 'revoked' | 'expired';
  revokedAt?: string;
  revokedBy?: string;
  email?: string;
}

export type ShareOutcome =
  | { ok: true; link: HolderLinkView; url: string; mailed: boolean; /** Why an e-mail asked for was not sent (MAIL_CODES). */ mailError?: { code: string; message: string } }
  | { ok: false; code: Extract<HolderCode, 'HOLDER_PERMIT_NOT_FOUND' | 'HOLDER_PERMIT_EXPIRED'> };

export type RevokeOutcome = { ok: true; link: HolderLinkView } | { ok: false; code: Extract<HolderCode, 'HOLDER_LINK_NOT_FOUND' | 'HOLDER_LINK_ALREADY_REVOKED'>; link?: HolderLinkView };

/** What the holder asks for through the link, for the audit trail. */
export type HolderAccess = { kind: 'page'; language: HolderLanguage } | { kind: 'pdf'; language: HolderLanguage } | { kind: 'credential' } | { kind: 'offer' };

export type OpenOutcome = { ok: true; linkId: string; permitNumber: string } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

export interface HolderLinksDependencies {
  store: Transactions & { reads: Pick<CommittedReads, 'holderLinks' | 'permits'> };
  now: () => Date;
  /** agent.yml's saiga.url, without a trailing slash. */
  url: string;
  graceDays: number;
  /** The e-mail seam (./mailer.ts); absent: links are handed over by the officer. */
  mailer?: HolderLinkMailer;
}

/** 32 random bytes in base64url: 43 characters. */
const TOKEN_FORM = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** Whoever holds the link: a person the agent does not know. */
export const HOLDER_ACTOR: AuditActor = { name: 'holder (by link)' };

export function holderLinkView(r: HolderLinkRecord, now: Date): HolderLinkView {
  const state = r.revokedAt ? 'revoked' : new Date(r.expiresAt) <= now ? 'expired' : 'active';
  return {
    id: r.id,
    permitNumber: r.permitNumber,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    expiresAt: r.expiresAt,
    state,
    ...(r.revokedAt !== null && { revokedAt: r.revokedAt }),
    ...(r.revokedBy !== null && { revokedBy: r.revokedBy }),
    ...(r.email !== null && { email: r.email }),
  };
}

export class HolderLinks {
  constructor(private readonly deps: HolderLinksDependencies) {}

  urlOf(token: string): string {
    return `${this.deps.url}/holder/${token}`;
  }

  async share(permitNumber: string, input: { email?: string; language: HolderLanguage }, actor: AuditActor): Promise<ShareOutcome> {
    const { store, now } = this.deps;
    const token = randomBytes(32).toString('base64url');
    // A committed read: an issued permit's row never changes its number, credential or box 2.
    const permit: StoredPermit | undefined = await store.reads.permits.get(permitNumber);
    if (!permit) return { ok: false, code: 'HOLDER_PERMIT_NOT_FOUND' };
    const outcome = await store.transaction(async (work): Promise<ShareOutcome> => {
      const at = now();
      const expiresAt = holderLinkExpiry(permit.validUntil, this.deps.graceDays);
      if (expiresAt <= at) return { ok: false, code: 'HOLDER_PERMIT_EXPIRED' };
      const record: HolderLinkRecord = {
        id: randomUUID(),
        permitNumber,
        credentialId: permit.credentialId,
        createdAt: at.toISOString(),
        createdBy: actor.name,
        createdByToken: actor.tokenId ?? null,
        expiresAt: expiresAt.toISOString(),
        revokedAt: null,
        revokedBy: null,
        revokedByToken: null,
        email: input.email ?? null,
      };
      await work.holderLinks.insert(record, hashOf(token));
      // The entry hashes the row (the email with it) but keeps neither the token nor the address.
      await work.audit.append({
        actor,
        action: AUDIT_ACTIONS.holderShare,
        subject: record.id,
        permitNumber,
        after: record,
        details: { linkId: record.id, expiresAt: record.expiresAt, email: input.email !== undefined },
      });
      return { ok: true, link: holderLinkView(record, at), url: this.urlOf(token), mailed: false };
    });
    if (!outcome.ok || input.email === undefined) return outcome;
    if (!this.deps.mailer) return { ...outcome, mailError: { code: 'MAIL_NOT_CONFIGURED', message: MAIL_CODES.MAIL_NOT_CONFIGURED } };
    // After the commit: a link is sent only once it exists. A failed sending leaves the link
    // (mailed: false) and says why, and the officer then hands it over.
    try {
      await this.deps.mailer.sendHolderLink({ to: input.email, url: outcome.url, permitNumber, expiresAt: outcome.link.expiresAt, language: input.language });
      return { ...outcome, mailed: true };
    } catch (error) {
      return { ...outcome, mailError: mailErrorOf(error) };
    }
  }

  /** Undefined when no permit with this number was issued here. */
  async list(permitNumber: string): Promise<HolderLinkView[] | undefined> {
    const { reads } = this.deps.store;
    if (!(await reads.permits.get(permitNumber))) return undefined;
    const now = this.deps.now();
    return (await reads.holderLinks.forPermit(permitNumber)).map((r) => holderLinkView(r, now));
  }

  async revoke(id: string, actor: AuditActor): Promise<RevokeOutcome> {
    const { store, now } = this.deps;
    return store.transaction(async (work): Promise<RevokeOutcome> => {
      const before = await work.holderLinks.byId(id);
      if (!before) return { ok: false, code: 'HOLDER_LINK_NOT_FOUND' };
      const at = now();
      if (!(await work.holderLinks.revoke(id, at.toISOString(), actor))) return { ok: false, code: 'HOLDER_LINK_ALREADY_REVOKED', link: holderLinkView(before, at) };
      const after = (await work.holderLinks.byId(id))!;
      await work.audit.append({ actor, action: AUDIT_ACTIONS.holderRevoke, subject: id, permitNumber: before.permitNumber, before, after, details: { linkId: id } });
      return { ok: true, link: holderLinkView(after, at) };
    });
  }

  /**
   * The link of `token`, if it may be used now; each use is audited (holder.open for the page,
   * holder.download for the PDF and the credential). A malformed token is unknown without a lookup.
   */
  async open(token: string, access: HolderAccess): Promise<OpenOutcome> {
    if (!TOKEN_FORM.test(token)) return { ok: false, reason: 'unknown' };
    const { store, now } = this.deps;
    const link = await store.reads.holderLinks.byTokenHash(hashOf(token));
    if (!link) return { ok: false, reason: 'unknown' };
    if (link.revokedAt) return { ok: false, reason: 'revoked' };
    if (new Date(link.expiresAt) <= now()) return { ok: false, reason: 'expired' };
    // Asking for a wallet offer is audited by the offer itself (oid4vci.offer, with the link's id).
    if (access.kind === 'offer') return { ok: true, linkId: link.id, permitNumber: link.permitNumber };
    await store.transaction((work) =>
      work.audit.append({
        actor: HOLDER_ACTOR,
        action: access.kind === 'page' ? AUDIT_ACTIONS.holderOpen : AUDIT_ACTIONS.holderDownload,
        subject: link.id,
        permitNumber: link.permitNumber,
        details: { linkId: link.id, what: access.kind, ...('language' in access && { language: access.language }) },
      }),
    );
    return { ok: true, linkId: link.id, permitNumber: link.permitNumber };
  }
}

/**
 * A mailer's refusal as the officer sees it: its MAIL_CODES code and message (src/mail never
 * puts the password in one), or MAIL_SEND_FAILED for anything else, whose text is not shown.
 */
function mailErrorOf(error: unknown): { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(MAIL_CODES, code) && error instanceof Error) return { code, message: error.message };
  return { code: 'MAIL_SEND_FAILED', message: MAIL_CODES.MAIL_SEND_FAILED };
}
