/**
 * Issue 12 §2: the OpenID4VCI issuer as the composition root builds it (docs/oid4vci.md): its
 * keys derived from the agent's secret key (src/oid4vci/keys.ts), its state in the store.
 *
 * OpenID4VCI 1.0 §12.2.1 and RFC 8414 §2 want https identifiers, and the libraries refuse http
 * URLs unless their process-wide `allowInsecureUrls` is set. It is set here only when saiga.url
 * is http on a loopback address: nothing leaves the computer, so there is no network to protect
 * (RFC 8252 §8.3 makes the same exception for loopback redirects). Any other http address gets no
 * issuer at all: a wallet would be sending its pre-authorized code and tx_code in clear.
 */
import { setGlobalConfig } from '@openid4vc/oauth2';
import { accessTokenKeyOf, offerCodeMaker } from '../../oid4vci/keys.js';
import { Oid4vciService, type Oid4vciDeps } from '../../oid4vci/issuer.js';
import { oid4vciUrlAllowed } from '../../oid4vci/metadata.js';

export async function openOid4vci(options: Omit<Oid4vciDeps, 'accessTokenKey' | 'codeOf'> & { secretKey: string }): Promise<Oid4vciService | undefined> {
  const allowed = oid4vciUrlAllowed(options.baseUrl);
  if (!allowed) return undefined;
  if (allowed === 'loopback') setGlobalConfig({ allowInsecureUrls: true });
  const { secretKey, ...deps } = options;
  return new Oid4vciService({ ...deps, accessTokenKey: await accessTokenKeyOf(secretKey), codeOf: offerCodeMaker(secretKey) });
}
