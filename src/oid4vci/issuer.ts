/**
 * The agent as an OpenID for Verifiable Credential Issuance 1.0 issuer of its permits
 * (issue 12 §2, docs/oid4vci.md): the pre-authorized code flow with a tx_code (§3.5, §4.1.1),
 * the agent being its own authorization server (RFC 8414 metadata, RFC 6749 token endpoint,
 * RFC 9068 `at+jwt` access tokens), a nonce endpoint (§7) and the credential endpoint (§8).
 *
 * The libraries parse and check the messages; the state is ours and durable (migration 19):
 * each pre-authorized code is used once (the token request consumes it in one conditional
 * UPDATE), at most MAX_TX_CODE_FAILURES wrong tx_codes kill the offer, each c_nonce is burnt by
 * the credential request that uses it, and an access token fetches the one permit of its offer.
 *
 * The credential delivered is the permit's VC-JWT as the agent signed it at issue, unchanged. A
 * CITES permit names its holder (box 3/4) but binds no key: the proof of possession is checked
 * as the specification asks (signature, nonce, audience), and the credential carries no `cnf`
 * and no holder `sub` for it. A wallet holding it proves nothing more than a paper copy would.
 *
 * No express here: each endpoint takes a RequestLike and its parsed body and returns an
 * HttpAnswer (src/http/routes/oid4vci.ts is the thin adapter).
 */
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  decodeJwt,
  Oauth2AuthorizationServer,
  Oauth2ErrorCodes,
  Oauth2ResourceServer,
  Oauth2ResourceUnauthorizedError,
  Oauth2ServerErrorResponseError,
  preAuthorizedCodeGrantIdentifier,
  SupportedAuthenticationScheme,
  type RequestLike,
} from '@openid4vc/oauth2';
import { Openid4vciIssuer, Openid4vciVersion } from '@openid4vc/openid4vci';
import { AUDIT_ACTIONS } from '../audit/record.js';
import type { AuditActor } from '../store/audit-log.js';
import { SYSTEM_ACTOR } from '../store/audit-log.js';
import type { StoredPermit } from '../store/permits.js';
import type { StoredOffer } from '../store/oid4vci.js';
import type { CommittedReads, Transactions } from '../store/unit-of-work.js';
import { PERMIT_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
import { callbacksOf, jwkOfDid } from './callbacks.js';
import type { AccessTokenKey } from './keys.js';
import { offerMetadata, OID4VCI_PATHS, PERMIT_CONFIGURATION_ID, wellKnownPath } from './metadata.js';
import type { Oid4vciCode } from '../codes.js';

/** After this many wrong tx_codes the offer is dead, even for the right code (a 6-digit PIN is guessable otherwise). */
export const MAX_TX_CODE_FAILURES = 5;
export const ACCESS_TOKEN_SECONDS = 300;
export const NONCE_SECONDS = 300;
/** The states in which a permit is not given to a wallet: a wallet copy of a revoked permit misleads. */
const WITHHELD_STATES: ReadonlySet<StoredPermit['state']> = new Set(['revoked', 'suspended']);

export interface HttpAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Oid4vciDeps {
  /** saiga.url: the credential issuer identifier and the authorization server's issuer. */
  baseUrl: string;
  store: Transactions & { reads: Pick<CommittedReads, 'oid4vci'> };
  permit(permitNumber: string): Promise<StoredPermit | undefined>;
  accessTokenKey: AccessTokenKey;
  /** The pre-authorized code of an offer id (./keys.ts offerCodeMaker). */
  codeOf(offerId: string): string;
  offerMinutes: number;
  now: () => Date;
  /** The display name of the issuing authority in the metadata. */
  authorityName: string;
  /**
   * Issue 12 §2: a holder link's permit and whether it is active now (undefined: no such link);
   * consulted when an offer is made for one and when its code is redeemed. Wired by the holder-link feature.
   */
  holderLink?: HolderLinkLookup;
}

export type HolderLinkLookup = (id: string) => Promise<{ permitNumber: string; active: boolean } | undefined>;

/** A live offer as the holder page shows it: its link (QR code) and expiry, never its tx_code. */
export interface LiveOffer {
  offerId: string;
  credentialOffer: string;
  expiresAt: string;
}

export type OfferOutcome =
  | { ok: true; offerId: string; credentialOffer: string; txCode: string; expiresAt: string }
  | { ok: false; code: Oid4vciCode; message?: string };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** The tx_code is hashed with its offer's id, so one table of a million hashes does not open every offer. */
const txCodeHash = (offerId: string, txCode: string) => sha256(`${offerId}:${txCode}`);
const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

const oauthError = (error: string, description: string, status = 400) =>
  new Oauth2ServerErrorResponseError({ error, error_description: description }, { status });

export class Oid4vciService {
  private readonly issuer: Openid4vciIssuer;
  private readonly authorizationServer: Oauth2AuthorizationServer;
  private readonly resourceServer: Oauth2ResourceServer;
  readonly urls: ReturnType<typeof offerMetadata>['urls'];
  private readonly metadata: ReturnType<typeof offerMetadata>;

  constructor(private readonly deps: Oid4vciDeps) {
    this.metadata = offerMetadata(deps.baseUrl, deps.authorityName);
    this.urls = this.metadata.urls;
    const callbacks = callbacksOf({ key: deps.accessTokenKey, jwksUri: this.urls.jwks });
    this.issuer = new Openid4vciIssuer({ callbacks });
    this.authorizationServer = new Oauth2AuthorizationServer({ callbacks });
    this.resourceServer = new Oauth2ResourceServer({ callbacks });
  }

  /** The same issuer consulting `holderLink` for offers made for a holder link (the port the holder-link feature wires). */
  withHolderLinks(holderLink: HolderLinkLookup): Oid4vciService {
    return new Oid4vciService({ ...this.deps, holderLink });
  }

  /** The newest offer made for this holder link that a wallet can still redeem (issue 12 §2, the holder page). */
  async liveOfferForHolderLink(holderLinkId: string): Promise<LiveOffer | undefined> {
    const offer = await this.deps.store.reads.oid4vci.liveOfferForHolderLink(holderLinkId, this.deps.now().toISOString(), MAX_TX_CODE_FAILURES);
    if (!offer) return undefined;
    return { offerId: offer.id, credentialOffer: (await this.offerDocument(offer)).credentialOffer, expiresAt: offer.expiresAt };
  }

  /** Ends an offer whose tx_code could not be given to its holder (the e-mail failed): nobody can redeem it. */
  async retireOffer(offerId: string): Promise<void> {
    await this.deps.store.transaction((work) => work.oid4vci.retire(offerId, MAX_TX_CODE_FAILURES));
  }

  credentialIssuerMetadata() {
    return this.issuer.createCredentialIssuerMetadata(this.metadata.credentialIssuer);
  }

  authorizationServerMetadata() {
    return this.authorizationServer.createAuthorizationServerMetadata(this.metadata.authorizationServer);
  }

  jwks() {
    return { keys: [this.deps.accessTokenKey.publicJwk] };
  }

  /** The issuer metadata object the library's calls take (knownCredentialConfigurations: else parseCredentialRequest fails). */
  private issuerMetadata() {
    const credentialIssuer = this.credentialIssuerMetadata();
    return {
      credentialIssuer,
      authorizationServers: [this.authorizationServerMetadata()],
      originalDraftVersion: Openid4vciVersion.V1,
      knownCredentialConfigurations: this.issuer.getKnownCredentialConfigurationsSupported(credentialIssuer),
    };
  }

  private async offerDocument(offer: StoredOffer) {
    return this.issuer.createCredentialOffer({
      issuerMetadata: this.issuerMetadata(),
      credentialConfigurationIds: [PERMIT_CONFIGURATION_ID],
      grants: {
        [preAuthorizedCodeGrantIdentifier]: {
          'pre-authorized_code': this.deps.codeOf(offer.id),
          tx_code: { input_mode: 'numeric', length: 6, description: 'The 6-digit code the Management Authority gave you with this offer.' },
        },
      },
      credentialOfferUri: `${this.urls.offers}/${encodeURIComponent(offer.id)}`,
    });
  }

  /** A new offer of one permit, its tx_code returned this once (to be given to the holder by another channel). */
  async createOffer(permitNumber: string, actor: AuditActor, options: { holderLinkId?: string } = {}): Promise<OfferOutcome> {
    const permit = await this.deps.permit(permitNumber);
    if (!permit) return { ok: false, code: 'OID4VCI_PERMIT_NOT_FOUND' };
    if (WITHHELD_STATES.has(permit.state)) return { ok: false, code: 'OID4VCI_PERMIT_NOT_ACTIVE' };
    if (options.holderLinkId !== undefined) {
      // Issue 12 §2: an offer bound to a link dies with it, so a link of another permit, or one already dead, would mislead.
      const link = this.deps.holderLink ? await this.deps.holderLink(options.holderLinkId) : undefined;
      if (!link) return { ok: false, code: 'OID4VCI_HOLDER_LINK_NOT_FOUND' };
      if (link.permitNumber !== permitNumber) return { ok: false, code: 'OID4VCI_HOLDER_LINK_OTHER_PERMIT' };
      if (!link.active) return { ok: false, code: 'OID4VCI_HOLDER_LINK_INACTIVE' };
    }
    const id = randomUUID();
    const txCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.deps.now();
    const expiresAt = new Date(now.getTime() + this.deps.offerMinutes * 60_000).toISOString();
    const offer: StoredOffer = {
      id,
      permitNumber,
      codeHash: sha256(this.deps.codeOf(id)),
      txCodeHash: txCodeHash(id, txCode),
      holderLinkId: options.holderLinkId ?? null,
      createdAt: now.toISOString(),
      expiresAt,
      usedAt: null,
      failedAttempts: 0,
      createdBy: actor.name,
      createdByToken: actor.tokenId ?? null,
    };
    await this.deps.store.transaction(async (work) => {
      await work.oid4vci.insertOffer(offer);
      await work.audit.append({
        actor,
        action: AUDIT_ACTIONS.oid4vciOffer,
        subject: permitNumber,
        permitNumber,
        details: { offerId: id, expiresAt, ...(offer.holderLinkId !== null && { holderLinkId: offer.holderLinkId }) },
      });
    });
    const { credentialOffer } = await this.offerDocument(offer);
    return { ok: true, offerId: id, credentialOffer, txCode, expiresAt };
  }

  /** GET credential_offer_uri: the offer object while it can still be redeemed, else 404. */
  async offer(id: string): Promise<HttpAnswer> {
    const offer = await this.deps.store.reads.oid4vci.offer(id);
    if (!offer || !this.redeemable(offer)) return { status: 404, body: { error: 'invalid_request', error_description: 'No live credential offer with this id.' } };
    return { status: 200, body: (await this.offerDocument(offer)).credentialOfferObject, headers: { 'cache-control': 'no-store' } };
  }

  private redeemable(offer: StoredOffer): boolean {
    return offer.usedAt === null && offer.failedAttempts < MAX_TX_CODE_FAILURES && Date.parse(offer.expiresAt) > this.deps.now().getTime();
  }

  /** POST token endpoint: the pre-authorized code and its tx_code for an access token (OpenID4VCI 1.0 §6). */
  token(request: RequestLike, body: Record<string, unknown>): Promise<HttpAnswer> {
    return answer(async () => {
      const { grant, accessTokenRequest } = this.authorizationServer.parseAccessTokenRequest({ accessTokenRequest: body, request });
      if (grant.grantType !== preAuthorizedCodeGrantIdentifier) throw oauthError(Oauth2ErrorCodes.UnsupportedGrantType, 'Only the pre-authorized code grant is supported.');
      const offer = await this.deps.store.reads.oid4vci.offerByCode(sha256(grant.preAuthorizedCode));
      if (!offer) throw oauthError(Oauth2ErrorCodes.InvalidGrant, "Invalid 'pre-authorized_code' provided");
      if (offer.usedAt !== null) throw oauthError(Oauth2ErrorCodes.InvalidGrant, "The 'pre-authorized_code' was used already");
      if (offer.failedAttempts >= MAX_TX_CODE_FAILURES) throw oauthError(Oauth2ErrorCodes.InvalidGrant, 'Too many wrong tx_code attempts: the offer is no longer valid');
      if (grant.txCode === undefined) throw oauthError(Oauth2ErrorCodes.InvalidRequest, "Missing required 'tx_code' in access token request");
      if (!sameHex(txCodeHash(offer.id, grant.txCode), offer.txCodeHash)) {
        await this.deps.store.transaction((work) => work.oid4vci.countFailure(offer.id));
        throw oauthError(Oauth2ErrorCodes.InvalidGrant, "Invalid 'tx_code' provided");
      }
      const now = this.deps.now();
      const asMetadata = this.authorizationServerMetadata();
      // The library checks the grant as the specification states it: the code, the tx_code, the expiry.
      await this.authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
        authorizationServerMetadata: asMetadata,
        grant,
        accessTokenRequest,
        request,
        expectedPreAuthorizedCode: grant.preAuthorizedCode,
        expectedTxCode: grant.txCode,
        preAuthorizedCodeExpiresAt: new Date(offer.expiresAt),
        now,
      });
      if (offer.holderLinkId !== null && this.deps.holderLink && !(await this.deps.holderLink(offer.holderLinkId))?.active) {
        throw oauthError(Oauth2ErrorCodes.InvalidGrant, 'The holder link this offer was made for is no longer active');
      }
      const response = await this.authorizationServer.createAccessTokenResponse({
        audience: this.urls.credentialIssuer,
        authorizationServer: asMetadata.issuer,
        signer: { method: 'jwk', alg: 'EdDSA', publicJwk: this.deps.accessTokenKey.publicJwk as never },
        subject: offer.id,
        expiresInSeconds: ACCESS_TOKEN_SECONDS,
        now,
      });
      const { payload } = decodeJwt({ jwt: response.access_token });
      const consumed = await this.deps.store.transaction(async (work) => {
        // One conditional UPDATE: of two requests racing with the same code, only one gets a token.
        if (!(await work.oid4vci.consume(offer.id, now.toISOString(), MAX_TX_CODE_FAILURES))) return false;
        await work.oid4vci.insertAccessToken({ jti: String(payload.jti), offerId: offer.id, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000).toISOString() });
        return true;
      });
      if (!consumed) throw oauthError(Oauth2ErrorCodes.InvalidGrant, "The 'pre-authorized_code' was used already");
      return { status: 200, body: response, headers: { 'cache-control': 'no-store' } };
    });
  }

  /** POST nonce endpoint (OpenID4VCI 1.0 §7): a fresh c_nonce, stored hashed until it is used or expires. */
  async nonce(): Promise<HttpAnswer> {
    const now = this.deps.now();
    const cNonce = randomBytes(32).toString('base64url');
    await this.deps.store.transaction(async (work) => {
      await work.oid4vci.dropExpiredNonces(now.toISOString());
      await work.oid4vci.insertNonce(sha256(cNonce), new Date(now.getTime() + NONCE_SECONDS * 1000).toISOString());
    });
    return { status: 200, body: this.issuer.createNonceResponse({ cNonce, cNonceExpiresIn: NONCE_SECONDS }), headers: { 'cache-control': 'no-store' } };
  }

  /** POST credential endpoint (OpenID4VCI 1.0 §8): the access token's permit, after its proof and nonce are checked. */
  credential(request: RequestLike, body: Record<string, unknown>): Promise<HttpAnswer> {
    return answer(async () => {
      const now = this.deps.now();
      const { tokenPayload } = await this.resourceServer.verifyResourceRequest({
        request,
        resourceServer: this.urls.credentialIssuer,
        authorizationServers: [this.authorizationServerMetadata()],
        allowedAuthenticationSchemes: [SupportedAuthenticationScheme.Bearer],
        now,
      });
      // The signature and expiry are the library's; that the token is one we issued, for this offer, is ours.
      const token = await this.deps.store.reads.oid4vci.accessToken(String(tokenPayload.jti));
      const offer = token && token.offerId === tokenPayload.sub ? await this.deps.store.reads.oid4vci.offer(token.offerId) : undefined;
      if (!token || !offer) throw new Oauth2ResourceUnauthorizedError('unknown access token', { scheme: SupportedAuthenticationScheme.Bearer, error: Oauth2ErrorCodes.InvalidToken, error_description: 'The access token is not one this issuer issued.' });

      const issuerMetadata = this.issuerMetadata();
      const parsed = this.issuer.parseCredentialRequest({ issuerMetadata, credentialRequest: body });
      if (parsed.credentialConfigurationId !== PERMIT_CONFIGURATION_ID) throw oauthError('unknown_credential_configuration', `Only ${PERMIT_CONFIGURATION_ID} is issued here.`);
      const proofJwt = parsed.proofs?.jwt?.[0];
      if (!proofJwt || (parsed.proofs?.jwt?.length ?? 0) !== 1) throw oauthError('invalid_proof', 'One jwt proof of possession is required.');
      const proofNonce = decodeJwt({ jwt: proofJwt }).payload.nonce;
      if (typeof proofNonce !== 'string') throw oauthError('invalid_nonce', 'The proof carries no c_nonce: request one at the nonce endpoint.');
      const proof = await this.issuer.verifyCredentialRequestJwtProof({ issuerMetadata, jwt: proofJwt, expectedNonce: proofNonce, now });
      const holder = proof.signer.method === 'did' ? proof.signer.didUrl.split('#')[0]! : 'jwk';
      if (proof.signer.method === 'did' && !jwkOfDid(proof.signer.didUrl)) throw oauthError('invalid_proof', 'The proof key must be a jwk header, a did:jwk or an Ed25519 did:key.');

      const permit = await this.deps.permit(offer.permitNumber);
      if (!permit) throw oauthError('credential_request_denied', 'The permit of this offer is not here.');
      if (WITHHELD_STATES.has(permit.state)) throw oauthError('credential_request_denied', `The permit is ${permit.state}: it is not issued to a wallet.`);
      const burnt = await this.deps.store.transaction(async (work) => {
        if (!(await work.oid4vci.burnNonce(sha256(proofNonce), now.toISOString()))) return false;
        await work.oid4vci.markRedeemed(token.jti, now.toISOString());
        await work.audit.append({ actor: SYSTEM_ACTOR, action: AUDIT_ACTIONS.oid4vciRedeem, subject: permit.permitNumber, permitNumber: permit.permitNumber, details: { offerId: offer.id, holder } });
        return true;
      });
      if (!burnt) throw oauthError('invalid_nonce', 'The c_nonce is unknown, expired or used already: request a new one.');
      // The permit's VC-JWT as signed at issue, unchanged (see the file comment: no cnf, no holder sub).
      return { status: 200, body: this.issuer.createCredentialResponse({ credentialRequest: parsed, credentials: [{ credential: permit.jwt }] }), headers: { 'cache-control': 'no-store' } };
    });
  }
}

/** Runs an endpoint, turning the libraries' OAuth errors into their answers (RFC 6749 §5.2, RFC 6750 §3). */
async function answer(run: () => Promise<HttpAnswer>): Promise<HttpAnswer> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Oauth2ResourceUnauthorizedError) {
      const challenge = error.wwwAuthenticateHeaders[0];
      return {
        status: 401,
        headers: { 'www-authenticate': error.toHeaderValue(), 'cache-control': 'no-store' },
        body: { error: String(challenge?.error ?? 'invalid_token'), ...(challenge?.error_description !== undefined && { error_description: String(challenge.error_description) }) },
      };
    }
    if (error instanceof Oauth2ServerErrorResponseError) return { status: error.status, body: error.errorResponse, headers: { 'cache-control': 'no-store' } };
    throw error;
  }
}

export { OID4VCI_PATHS, wellKnownPath, PERMIT_CREDENTIAL_TYPE };
