/**
 * The seam between holder links and e-mail (issue 12 §1): the mail capability (src/mail)
 * implements this interface and the holder links capability takes it as an optional
 * dependency (src/agent/wiring/open.ts). Without one, a link is made with `mailed: false`
 * and the officer hands it to the holder. The URL holds the link's token: an implementation
 * sends it to `to` only and never logs it.
 */
export interface HolderLinkMailer {
  sendHolderLink(input: { to: string; url: string; permitNumber: string; expiresAt: string; language: 'en' | 'fr' | 'es' }): Promise<void>;
  /** Issue 12 §2: the tx_code of a wallet offer made from the holder page, in a message of its own; never logged. Optional: without it the page offers no wallet offer by e-mail. */
  sendWalletCode?(input: { to: string; txCode: string; permitNumber: string; expiresAt: string; language: 'en' | 'fr' | 'es' }): Promise<void>;
}
