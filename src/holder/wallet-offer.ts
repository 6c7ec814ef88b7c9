/**
 * "Add to a wallet" on the holder page (issue 12 §2, docs/holder-links.md): the OpenID4VCI
 * offer of the link's permit, as a QR code and an openid-credential-offer:// link, with its
 * tx_code sent apart, by e-mail to the address the link was shared with (OpenID4VCI 1.0 §3.5:
 * the code travels by another channel than the offer). The code is never on the page and
 * never in a log or the audit trail.
 *
 * The page shows the link's newest live offer; without one, the holder may ask for one, which
 * is made only when a code can be mailed. Otherwise (no address, or no mailer) the holder is
 * told to ask the authority, whose officer makes an offer (API or CLI) and gives the code.
 */
import type { LiveOffer, OfferOutcome } from '../oid4vci/issuer.js';
import type { HolderLinkRecord } from '../store/holder-links.js';
import type { AuditActor } from '../store/audit-log.js';
import type { HolderLanguage } from './input.js';
import { HOLDER_ACTOR } from './links.js';
import type { HolderLinkMailer } from './mailer.js';

export interface WalletOfferDeps {
  link(id: string): Promise<HolderLinkRecord | undefined>;
  issuer: {
    liveOfferForHolderLink(holderLinkId: string): Promise<LiveOffer | undefined>;
    createOffer(permitNumber: string, actor: AuditActor, options: { holderLinkId?: string }): Promise<OfferOutcome>;
    retireOffer(offerId: string): Promise<void>;
  };
  mailer?: HolderLinkMailer;
}

/** What the page's "Add to a wallet" section shows. */
export type WalletOfferState = { kind: 'live'; offer: LiveOffer } | { kind: 'can-request' } | { kind: 'ask-authority' };

/** What asking for an offer from the page did. */
export type WalletOfferRequest = 'made' | 'live-already' | 'ask-authority' | 'refused' | 'mail-failed';

export class WalletOffers {
  constructor(private readonly deps: WalletOfferDeps) {}

  private async mailTo(linkId: string): Promise<string | undefined> {
    if (!this.deps.mailer?.sendWalletCode) return undefined;
    return (await this.deps.link(linkId))?.email ?? undefined;
  }

  async state(linkId: string): Promise<WalletOfferState> {
    const offer = await this.deps.issuer.liveOfferForHolderLink(linkId);
    if (offer) return { kind: 'live', offer };
    return (await this.mailTo(linkId)) === undefined ? { kind: 'ask-authority' } : { kind: 'can-request' };
  }

  /** A new offer bound to the link, its code mailed; one live offer per link at a time. The link was checked active by the caller. */
  async request(linkId: string, permitNumber: string, language: HolderLanguage): Promise<WalletOfferRequest> {
    if (await this.deps.issuer.liveOfferForHolderLink(linkId)) return 'live-already';
    const to = await this.mailTo(linkId);
    if (to === undefined) return 'ask-authority';
    const made = await this.deps.issuer.createOffer(permitNumber, HOLDER_ACTOR, { holderLinkId: linkId });
    if (!made.ok) return 'refused';
    try {
      await this.deps.mailer!.sendWalletCode!({ to, txCode: made.txCode, permitNumber, expiresAt: made.expiresAt, language });
      return 'made';
    } catch {
      // The code reached nobody: the offer must not show as live (its QR code would be unusable).
      await this.deps.issuer.retireOffer(made.offerId);
      return 'mail-failed';
    }
  }
}
