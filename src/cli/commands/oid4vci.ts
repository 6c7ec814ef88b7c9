/**
 * `saiga permit offer NUMBER [--holder-link ID] [--officer NAME | --token T] [--json]` (issue 12 §2, docs/oid4vci.md):
 * an OpenID4VCI offer of the permit to a wallet. The tx_code is printed this once: give it to the
 * holder by another channel than the offer link (OpenID4VCI 1.0 §3.5). With neither flag the audit
 * trail names the command line's operator, as for `saiga token create`.
 */
import { OID4VCI_CODES } from '../../codes.js';
import { CLI_ACTOR } from '../../audit/record.js';
import { withCliAgent } from '../agent.js';
import { actorRequest, resolveActor } from '../acting-person.js';
import { EXIT, UsageError, type Output } from '../output.js';

export async function permitOfferCommand(
  options: { config: string; number?: string; officer?: string; token?: string; /** The holder link the offer is for: its page then shows it. */ holderLink?: string; env?: Readonly<Record<string, string | undefined>> },
  out: Output,
): Promise<number> {
  if (!options.number) throw new UsageError('usage: saiga permit offer NUMBER [--holder-link ID] [--officer NAME | --token TOKEN] [--json]');
  const permitNumber = options.number;
  const env = options.env ?? process.env;
  const asked = options.officer !== undefined || options.token !== undefined ? actorRequest({ name: options.officer, flag: '--officer', token: options.token, env, roles: ['officer'] }) : undefined;
  // 'sign': the offer needs the agent's secret key (its pre-authorized code is derived from it), not a signature.
  return withCliAgent('sign', options.config, out, async (saiga) => {
    const actor = asked ? await resolveActor(asked, saiga.tokens, ['officer']) : CLI_ACTOR;
    if (!saiga.oid4vci) {
      out.result({ error: { code: 'OID4VCI_UNAVAILABLE', message: OID4VCI_CODES.OID4VCI_UNAVAILABLE } }, () => [OID4VCI_CODES.OID4VCI_UNAVAILABLE]);
      return EXIT.REFUSED;
    }
    const outcome = await saiga.oid4vci.createOffer(permitNumber, actor, options.holderLink !== undefined ? { holderLinkId: options.holderLink } : {});
    if (!outcome.ok) {
      const message = OID4VCI_CODES[outcome.code];
      out.result({ error: { code: outcome.code, message } }, () => [`Refused: ${message}`]);
      return EXIT.REFUSED;
    }
    const { ok: _ok, ...offer } = outcome;
    out.result(offer, () => [
      `Offer ${offer.offerId} of ${permitNumber}, valid until ${offer.expiresAt}:`,
      `  ${offer.credentialOffer}`,
      `  tx_code ${offer.txCode}  (shown once: give it to the holder separately from the offer)`,
    ]);
    return EXIT.OK;
  });
}
