/**
 * Every stable code Saiga reports, in one place.
 *
 * The verifier page, the CLI and the HTTP API all render these same codes and
 * messages, so a verdict reads the same wherever it is shown. Codes are string
 * literals (never auto-numbered) and must never be renamed once shipped: clients
 * match on them. Messages are written for a customs officer, not a developer.
 *
 * This file is browser-safe: the verification core and the verifier page import it.
 */

/** Outcome codes of the verification core (`src/verify`). */
export const VERIFY_CODES = {
  OK: 'The check passed.',
  MALFORMED: 'This is not a readable signed document: the text is damaged or incomplete.',
  NOT_A_PERMIT: 'This is a signed document, but not a CITES permit or certificate.',
  ALG_NOT_ALLOWED: 'The document uses a signature method that is not accepted.',
  ISSUER_UNRESOLVABLE: "The issuing authority's public keys could not be obtained, so the signature cannot be checked.",
  SIGNATURE_INVALID: 'The signature does not match: the document was altered or was not signed by the authority it names.',
  SIGNING_KEY_UNKNOWN: 'The document names a signing key that the authority it names has not published for issuing documents, so it cannot be accepted.',
  ISSUER_UNTRUSTED: 'The document was not issued by a Management Authority on the trusted list.',
  NOT_YET_VALID: 'The document is not valid yet.',
  EXPIRED: 'The document has expired.',
  PERMIT_INVALID: 'The document is signed correctly but breaks the CITES permit rules.',
  NO_EXPIRY: 'The document has no expiry date. Every CITES permit has one, so it cannot be accepted.',
  REVOKED: 'The issuing authority has cancelled this permit. It must not be used.',
  SUSPENDED: 'The issuing authority has suspended this permit for now. It must not be used while suspended.',
  STATUS_UNAVAILABLE: 'Whether the permit was cancelled or suspended could not be checked: the issuing authority could not be reached. Do not treat it as valid until it can be checked.',
  STATUS_NOT_CHECKED: 'Only the signature and the contents of the permit were checked here, not whether it was cancelled, suspended or used. Check it again before relying on it.',
  STATUS_INVALID: "The issuing authority's status list is not genuine or does not fit this permit, so the status could not be checked.",
  RECORD_UNAVAILABLE: "The permit's public record (customs endorsements) could not be read from the issuing authority, so its use could not be checked.",
  ENDORSEMENT_INVALID: 'A customs endorsement on this permit is not signed by a customs authority trusted for the issuing country, or does not belong to this permit.',
  QUANTITY_EXCEEDED: 'A customs endorsement records more than the permit allows.',
  // Import confirmation (issue 9): the importing country's customs say what arrived (the permit's public record).
  CONFIRMATION_INVALID: "An import confirmation on this permit is not signed by a customs or Management Authority trusted for the importer's country, or does not belong to this permit.",
  IMPORTED_QUANTITY_EXCEEDED: 'An import confirmation records more than was exported (or, with no export endorsement, more than the permit allows).',
  // One verification path (issue 8): the permit rules run by default; when they cannot run, that is not a broken rule.
  RULES_UNAVAILABLE: 'The CITES permit rules could not be checked by this verifier, so the permit cannot be accepted yet. This says nothing against the permit: check it again, or with another verifier.',
  // Key history (issue 9 §6): a key the issuer withdrew still verifies what it signed before; not what it signed after.
  KEY_REVOKED: 'The document was signed with a key that the issuing authority had already withdrawn from use. It cannot be accepted: ask the issuing authority for a new document.',
  KEY_COMPROMISED:
    'The document was signed with a key that the issuing authority reports as stolen or exposed at the time of signing. It may be forged: do not accept it, and ask the issuing authority.',
  // Linked permits (issue 9; src/verify/linked-permits.ts): the import permit an Appendix I export relies on (Art. III(2)(d)).
  LINKED_PERMIT_MISSING:
    "This export names an import permit, but the exporting authority's record does not carry it, so the link between the two was not checked. Check the import permit itself with the importing authority.",
  LINKED_PERMIT_INVALID: 'The import permit this export relies on is not a genuine, readable CITES import permit.',
  LINKED_PERMIT_UNTRUSTED: "The import permit this export relies on was not issued by a trusted Management Authority of the importer's country.",
  LINKED_PERMIT_REVOKED: 'The importing authority has cancelled the import permit this export relies on.',
  LINKED_PERMIT_SUSPENDED: 'The importing authority has suspended the import permit this export relies on.',
  LINKED_PERMIT_NOT_VALID_AT_ISSUE: 'The import permit this export relies on was not valid on the day the export was issued.',
  LINKED_PERMIT_STATUS_UNAVAILABLE: 'Whether the import permit this export relies on was cancelled could not be checked: the importing authority could not be reached.',
  LINKED_PERMIT_MISMATCH: 'The import permit this export relies on does not match it (number, issuing authority, species, importer or countries).',
  LINKED_PERMIT_QUANTITY_EXCEEDED: 'The export allows more than the import permit it relies on.',
} as const;
export type VerifyCode = keyof typeof VERIFY_CODES;

/**
 * Outcome codes of a presentation (issue 12 §3; OpenID4VP 1.0, src/verify/presentation.ts): the wallet's
 * signed answer to this verifier's request, around the permit. The permit inside is then verified with
 * the VERIFY_CODES as if scanned.
 */
export const PRESENTATION_CODES = {
  PRESENTATION_MALFORMED: "The wallet's answer is not a readable signed presentation: it is damaged or incomplete.",
  PRESENTATION_ALG_NOT_ALLOWED: 'The wallet signed its answer with a signature method that is not accepted.',
  PRESENTATION_HOLDER_KEY_UNKNOWN: "The wallet's answer does not name a key this verifier can read (a did:jwk or did:key Ed25519 key), so its signature cannot be checked.",
  PRESENTATION_SIGNATURE_INVALID: "The signature of the wallet's answer does not match: it was altered or not signed by the wallet key it names.",
  PRESENTATION_NONCE_MISMATCH: 'The wallet answered another request, not the one made on this screen. It may be a replayed answer: do not accept it, ask again.',
  PRESENTATION_AUDIENCE_MISMATCH: 'The wallet answered a request from another website or verifier, not this one. Do not accept it, ask again.',
  PRESENTATION_NOT_CURRENT: "The wallet's answer is too old or dated in the future. Ask again.",
  PRESENTATION_CREDENTIAL_COUNT: 'The wallet must show exactly one permit, and it showed none or several. Ask again.',
  PRESENTATION_NOT_RECEIVED: 'No wallet answered (the request was cancelled or refused, or the answer cannot be read). Ask again, or scan the QR code of the permit.',
  PRESENTATION_HOLDER_MISMATCH: 'The permit is bound to a wallet key, and the wallet that showed it is not that one. Do not accept it.',
} as const;
export type PresentationCode = keyof typeof PRESENTATION_CODES;

/** Codes of the permit QR transport (src/qr): what a scanned or pasted code can be refused for. */
export const QR_CODES = {
  QR_NOT_A_PERMIT: 'This is not a CITES permit code: it is neither a permit QR code of the permit network, nor a permit link, nor a signed permit.',
  QR_UNKNOWN_VERSION: 'This permit code is in a newer format than this verifier can read. Reload or update the verifier page, or check the permit with the issuing authority.',
  QR_TOO_LARGE: 'This code holds far more data than any permit. It was not made by a permit authority and was not read.',
  QR_MALFORMED: 'This permit code is damaged or incomplete. Scan it again, closer and in good light; if it still fails, the code may have been altered.',
  QR_REFERENCE_MISMATCH: 'The permit the issuing authority returned is not the one this code refers to. Do not accept it.',
  // One verification path (issue 8): what the core reports for empty input and for a reference it could not fetch.
  QR_EMPTY: 'Nothing was read. Scan the QR code, choose a photo of it, or paste the permit link or text.',
  QR_REFERENCE_UNAVAILABLE: 'This code refers to a permit kept by its issuing authority, and the permit could not be fetched from it (the authority could not be reached, or gave no answer in time). Do not accept it until it can be checked.',
} as const;
export type QrCode = keyof typeof QR_CODES;

/**
 * Why a verifier (the page, a CLI, an agent) could not check anything at all: not a verdict
 * on the permit. The verifier page shows these.
 */
export const VERIFIER_CODES = {
  TRUST_LIST_UNAVAILABLE: 'The list of trusted authorities could not be loaded or is not genuine, so no permit can be checked. Check the connection and reload the page.',
  VERIFIER_CONFIG_INVALID: 'This verifier is not set up correctly (its configuration is missing or wrong), so no permit can be checked. Tell whoever runs it.',
  VERIFIER_FAILED: 'The verifier failed while checking this permit. This says nothing against the permit: check it again, or with another verifier.',
} as const;
export type VerifierCode = keyof typeof VERIFIER_CODES;

/** Every code a verdict or the verifier page can show, with its English message. */
export const SHOWN_CODES = { ...VERIFY_CODES, ...PRESENTATION_CODES, ...QR_CODES, ...VERIFIER_CODES } as const;
export type ShownCode = keyof typeof SHOWN_CODES;

/** Codes of permit-rule findings: errors refuse a request, warnings are kept apart. */
export const RULE_CODES = {
  FIELD_REQUIRED: 'A required field is missing.',
  FIELD_INVALID: 'The field has the wrong type or format.',
  FIELD_UNKNOWN: 'This field is not part of a CITES permit.',
  UNKNOWN_DOCUMENT_TYPE: 'The document type must be export, re-export, import or other.',
  UNKNOWN_APPENDIX: 'The appendix must be I, II or III.',
  UNKNOWN_PURPOSE: 'Unknown purpose-of-transaction code.',
  UNKNOWN_SOURCE: 'Unknown source code.',
  UNKNOWN_TERM: 'Unknown or historical term (description-of-specimen) code.',
  UNKNOWN_UNIT: 'Unknown unit of quantity.',
  UNKNOWN_COUNTRY: 'Unknown country code.',
  OTHER_DOCUMENT_TYPE_REQUIRED: 'A document of type "other" must say what it is.',
  IMPORT_PERMIT_REQUIRED: 'An Appendix I export or re-export needs the import permit already granted by the importing country.',
  OPERATION_NUMBER_REQUIRED: 'Source D needs the registration number of the captive-breeding or artificial-propagation operation.',
  ACQUISITION_DATE_REQUIRED: 'Source O (pre-Convention) needs the date of acquisition.',
  ORIGIN_REQUIRED: 'A re-export must name the country of origin and its export permit.',
  SAME_COUNTRY: 'The countries of export and import must differ.',
  ORIGIN_IS_EXPORTER: 'The country of origin of a re-export cannot be the re-exporting country.',
  EXPORTER_NOT_DOMESTIC: 'This authority issues export and re-export documents only for exporters in its own country.',
  IMPORTER_NOT_DOMESTIC: 'This authority issues import permits only for importers in its own country.',
  VALIDITY_TOO_LONG: 'The validity is longer than this document type allows.',
  VALIDITY_ENDED: 'The valid-until date is not after the date of issue.',
  DATE_IN_FUTURE: 'The date lies in the future.',
  QUANTITY_NOT_POSITIVE: 'The quantity must be greater than zero.',
  TOO_MANY_SPECIMENS: 'Too many specimen lines for one document.',
  TERM_UNIT_UNUSUAL: 'This unit is unusual for this term.',
  TERM_PURPOSE_UNUSUAL: 'This purpose is unusual for this term.',
  REPLACED_PERMIT_UNKNOWN: 'The permit to be replaced was not issued by this authority.',
  REPLACED_PERMIT_REVOKED: 'The permit to be replaced is already revoked.',
  REPLACED_PERMIT_USED: 'The permit to be replaced was already used for a shipment; it cannot be replaced.',
  // Size: what issuance signs, every verifier must be able to read (src/vocab/limits.ts).
  PERMIT_TOO_LARGE: 'The permit would be too large for verifiers to read. Shorten the longest texts, or put some blocks on another permit.',
  ISSUED_PERMIT_INVALID:
    "The permit this authority built from the request would break the permit rules, so it was not signed. The request is not at fault: this authority's own data is (for example the officer's name on the token). Tell the administrator.",
  // Text: what is printed and shown must be what is stored (src/permit/text.ts).
  TEXT_NOT_VISIBLE: 'The text has no visible letter, digit or sign, so it would print blank.',
  TEXT_CONTROL_CHARACTER: 'The text holds a control or invisible character (such as a line break, NUL or zero-width space), which prints differently from what is stored. Remove it.',
  TEXT_BIDI_CONTROL: 'The text holds a direction mark or override, which can make it display in a different order from what is stored. Remove it.',
  TEXT_INVALID_CHARACTER: 'The text holds a character that is not a real character (a broken surrogate, a noncharacter or a private-use character). Retype it.',
  // Quantities (box 11, 11a; src/permit/quantity.ts).
  QUANTITY_TOO_LARGE: 'The quantity is larger than any permit can state.',
  QUANTITY_TOO_PRECISE: 'The quantity has more decimal places than a permit states.',
  QUANTITY_NOT_WHOLE: 'A number of specimens must be a whole number.',
  // Art. III(2)(d): the import permit an Appendix I export relies on (src/permit/import-permit.ts).
  IMPORT_PERMIT_NUMBER_INVALID: 'The import permit number does not look like a permit number: give the number printed in box 1 of the import permit.',
  IMPORT_PERMIT_ISSUER_UNTRUSTED: 'The import permit is said to be issued by an authority that is not a trusted CITES Management Authority.',
  IMPORT_PERMIT_WRONG_COUNTRY: "The import permit must be issued by the Management Authority of the importer's country.",
  // Issue 9, cross-permit checks at issuance (src/issuance/import-permit-check.ts): the import permit itself, as received through the exchange.
  IMPORT_PERMIT_NOT_HELD:
    'This authority has not received the import permit this export names. Ask the Management Authority of the importing country to send it through the permit exchange, then issue the export again.',
  IMPORT_PERMIT_UNVERIFIED: 'The import permit this authority holds does not verify (its signature, its form or its issuer is not in order), so the export cannot rely on it.',
  IMPORT_PERMIT_NOT_IMPORT: 'The document this export names as its import permit is not an import permit.',
  IMPORT_PERMIT_REVOKED: 'The importing country has cancelled (revoked) the import permit, so the export cannot rely on it.',
  IMPORT_PERMIT_SUSPENDED: 'The importing country has suspended the import permit, so the export cannot rely on it for now.',
  IMPORT_PERMIT_EXPIRED: 'The import permit has expired (or is not valid yet), so the export cannot rely on it.',
  IMPORT_PERMIT_STATUS_UNAVAILABLE: "Whether the import permit was cancelled could not be checked: the importing authority's status list could not be reached. Try again later.",
  IMPORT_PERMIT_SPECIES_MISMATCH: 'This species is not on the import permit.',
  IMPORT_PERMIT_IMPORTER_MISMATCH: 'The importer is not the permittee named on the import permit (box 3).',
  IMPORT_PERMIT_EXPORTER_MISMATCH: 'The import permit was granted for an import from another country of export.',
  IMPORT_PERMIT_QUANTITY_EXCEEDED: 'The quantity of this species is more than the import permit allows.',
  IMPORT_PERMIT_UNIT_MISMATCH: 'The import permit states this species in another unit, so the quantities cannot be compared.',
  // Art. III(4)(b), IV(5)(a): a re-export covers specimens imported in accordance with the Convention, under the permit of box 12 (Res. Conf. 12.3 Annex 2), when it was received through the exchange.
  ORIGIN_PERMIT_SPECIES_MISMATCH: 'This species is not on the permit of box 12, under which the specimens were imported.',
  ORIGIN_PERMIT_UNIT_MISMATCH: 'The permit of box 12 states this species in another unit, so the quantities cannot be compared.',
  ORIGIN_PERMIT_QUANTITY_EXCEEDED: 'The quantity is more than was imported under the permit of box 12, less what this authority has already re-exported under it.',
} as const;
export type RuleCode = keyof typeof RULE_CODES;

/**
 * Why an authority refuses to change a permit's status or to record a customs endorsement.
 * Convention Art. VI(5): one permit per consignment, so a permit is endorsed once.
 */
export const LIFECYCLE_CODES = {
  NOT_OWN_PERMIT: 'This authority did not issue a permit with this number.',
  PERMIT_REVOKED: 'The permit has been cancelled (revoked).',
  PERMIT_SUSPENDED: 'The permit is suspended.',
  PERMIT_EXPIRED: 'The permit has expired.',
  NOT_SUSPENDED: 'The permit is not suspended, so it cannot be reinstated.',
  NOT_EXPORT_DOCUMENT: 'Only export and re-export documents (and certificates used for export) are endorsed at export.',
  ALREADY_ENDORSED: 'The permit has already been endorsed for a shipment; a permit covers one consignment only (Art. VI(5)).',
  UNKNOWN_BLOCK: 'The permit has no such block.',
  BLOCK_MISSING: 'Every block of the permit must be given, with 0 for a block not shipped.',
  DUPLICATE_BLOCK: 'A block is given twice.',
  QUANTITY_EXCEEDED: 'The exported quantity is more than the permit allows for this block.',
  UNIT_MISMATCH: 'The unit differs from the unit on the permit.',
  NOTHING_EXPORTED: 'All quantities are 0: nothing was exported, so there is nothing to endorse.',
  PORT_NOT_DOMESTIC: "The port of export must be in the issuing authority's country.",
  DATE_IN_FUTURE: 'The date lies in the future.',
  DATE_BEFORE_ISSUE: 'The date is before the permit was issued.',
  REVOCATION_REASON_REQUIRED: 'A revocation needs one of the reasons: cancelled, lost, stolen, destroyed, replaced, fraud.',
  FIELD_REQUIRED: 'A required field is missing.',
  FIELD_INVALID: 'The field has the wrong type or format.',
  FIELD_UNKNOWN: 'This field is not expected here.',
  // Quantities: the same bounds as the permit's box 11 (src/permit/quantity.ts).
  EXPORTED_QUANTITY_TOO_LARGE: 'The exported quantity is larger than any permit can state.',
  EXPORTED_QUANTITY_TOO_PRECISE: 'The exported quantity has more decimal places than a permit states.',
  EXPORTED_QUANTITY_NOT_WHOLE: 'An exported number of specimens must be a whole number.',
} as const;
export type LifecycleCode = keyof typeof LIFECYCLE_CODES;

/** Refusals due to the permit's state (HTTP 409) rather than to the request itself (HTTP 422). */
export const STATE_CONFLICT_CODES: readonly (LifecycleCode | TextCode)[] = [
  'PERMIT_REVOKED',
  'PERMIT_SUSPENDED',
  'PERMIT_EXPIRED',
  'NOT_SUSPENDED',
  'ALREADY_ENDORSED',
];

/** The characters rules of src/permit/text.ts, which also apply to an endorsement's free text (box 15). */
export const TEXT_CODES = ['TEXT_CONTROL_CHARACTER', 'TEXT_BIDI_CONTROL', 'TEXT_INVALID_CHARACTER', 'TEXT_NOT_VISIBLE'] as const satisfies readonly RuleCode[];
export type TextCode = (typeof TEXT_CODES)[number];

/** One reason a status change or endorsement was refused, with a JSON pointer into the request. */
export interface LifecycleIssue {
  code: LifecycleCode | TextCode;
  path: string;
  message: string;
}

/** Codes of HTTP API and CLI errors (anything that is not a verification verdict). */
export const API_CODES = {
  BAD_REQUEST: 'The request is not valid.',
  MALFORMED_JSON: 'The request body is not valid JSON.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json).',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNAUTHORIZED: 'A valid bearer token is required.',
  FORBIDDEN: "This token's role may not do this.",
  NOT_FOUND: 'Not found.',
  RATE_LIMITED: 'Too many requests; try again shortly.',
  PERMIT_INVALID: 'The permit request breaks the CITES permit rules.',
  LIFECYCLE_INVALID: 'The request is not valid for this permit; `errors` says why. Nothing was changed.',
  LIFECYCLE_REFUSED: "The permit's state does not allow this; `errors` says why. Nothing was changed.",
  CONFLICT: 'Someone else changed this permit at the same moment; nothing was changed.',
  CONFIG_INVALID: 'The configuration is not valid.',
  SECRET_INVALID: 'The secret key does not open this agent\'s key store.',
  INTERNAL_ERROR: 'Something went wrong on the server; nothing was changed.',
  DATABASE_DAMAGED: "The agent's database file is damaged; the agent will not start on it. Restore it from a backup.",
  IDENTITY_AT_RISK:
    "The agent's database is missing but its secret key is there: starting would make a new signing key under the same DID, and every permit issued before would fail its signature check.",
  STORAGE_FAILED:
    "The agent could not write to its database (the disk is full or failing): nothing was issued or changed, and no permit number was used. Tell the agent's administrator.",
  // Key rotation and revocation (saiga key …; issue 9 §6)
  KEY_NOT_FOUND: 'This identity has no signing key with this id (see "saiga key list").',
  KEY_ALREADY_REVOKED: 'This signing key is revoked already; nothing was changed.',
  KEY_ROTATION_UNSUPPORTED: 'This identity is a did:key: its key is the DID itself and cannot be rotated. Rotation needs a did:web identity.',
  LAST_ACTIVE_KEY: 'This is the last active signing key of the identity, so nothing could be signed after its revocation: rotate first ("saiga key rotate"), then revoke it. Nothing was changed.',
  // Console sign-in: personal accounts and sessions (issue 11 §1; docs/console-sign-in.md)
  AUTH_SIGN_IN_FAILED:
    'Sign-in failed: the username, password or one-time code is wrong, or the account is locked or disabled. After 5 failures in a row the account is locked for 15 minutes.',
  SESSION_EXPIRED: 'Your session has ended (signed out, idle too long, or open too long). Sign in again.',
  SESSION_CSRF_INVALID: 'This request needs the X-CSRF-Token header your sign-in returned; it was missing or wrong, so nothing was changed.',
  USER_INVALID: 'The user account request is not valid; `path` says which field. Nothing was changed.',
  USER_PASSWORD_WEAK: 'The password is too weak: it needs at least 12 characters and must not be a common password.',
  USER_EXISTS: 'A user with this username exists already (usernames are compared without case).',
  USER_NOT_FOUND: 'There is no user with this username or id.',
  // Recorded in the refused sign-in's audit entry; the person signing in is answered AUTH_SIGN_IN_FAILED like any failure (docs/console-sign-in.md).
  TOTP_SECRET_UNREADABLE:
    "The account's one-time code secret could not be decrypted with this agent's secret key (the key was replaced, or the stored secret was altered), so no code can be accepted and the sign-in was refused. An admin must set up the account's second factor again.",
  CONSOLE_SIGN_IN_RATE_LIMITED: 'Too many failed sign-ins from this network address: wait for the time the Retry-After header gives (at most 15 minutes), then try again.',
  // The console's server side (issue 11 §2): drafts of permit requests
  CONSOLE_DRAFT_INVALID: 'The draft is not valid: it needs a title and the permit request as a JSON object; `path` says which field. Nothing was saved.',
  CONSOLE_DRAFT_TOO_LARGE: 'The draft is too large to save (at most 64 KiB of permit request). Nothing was saved.',
  CONSOLE_DRAFT_NOT_FOUND: 'There is no draft with this id (it may have been deleted).',
} as const;
export type ApiCode = keyof typeof API_CODES;

/**
 * Holder links (issue 12 §1, src/holder, docs/holder-links.md): the link a trader (the
 * permit's holder) opens to see and download their permit. Refusals to the officer who makes
 * or revokes one, and what the public holder page answers for a link it cannot serve.
 */
export const HOLDER_CODES = {
  HOLDER_SHARE_INVALID: 'The request to share the permit is not valid: the body is a JSON object with at most "email" and "language"; `path` says which field. No link was made.',
  HOLDER_EMAIL_INVALID: 'The e-mail address is not valid (one address, like name@example.org, at most 254 characters). No link was made.',
  HOLDER_LANGUAGE_INVALID: 'The language must be en, fr or es. No link was made.',
  HOLDER_PERMIT_NOT_FOUND: 'No permit with this number was issued here, so there is nothing to share.',
  HOLDER_PERMIT_EXPIRED: "The permit's validity and the grace period after it have passed: a link would be expired already. No link was made.",
  HOLDER_LINK_NOT_FOUND: 'There is no holder link with this id.',
  HOLDER_LINK_ALREADY_REVOKED: 'This holder link was withdrawn already.',
  HOLDER_LINK_UNKNOWN: 'There is nothing at this address: check the link you were given.',
  HOLDER_LINK_REVOKED: 'This link was withdrawn by the issuing authority. Ask the authority for a new one.',
  HOLDER_LINK_EXPIRED: 'This link has expired (the permit has ended and its grace period has passed). Ask the issuing authority if you still need the permit.',
} as const;
export type HolderCode = keyof typeof HOLDER_CODES;

/** One finding about a permit: a JSON pointer into the checked document and a readable message. */
export interface RuleIssue {
  code: RuleCode;
  /** JSON pointer (RFC 6901) into the permit request or credential subject, e.g. `/specimens/0/unit`. */
  path: string;
  message: string;
}

/**
 * Codes of the exchange between authorities (docs/exchange.md): why a message was refused,
 * shown to the sending agent's operator (`saiga exchange status`) and in the receiver's log.
 * Each part of the exchange adds its codes under its own heading.
 */
export const EXCHANGE_CODES = {
  // The envelope (DIDComm v2 authcrypt; src/agent/wiring)
  EXCHANGE_MESSAGE_MALFORMED: 'The message is not a DIDComm v2 message.',
  EXCHANGE_NOT_AUTHCRYPT: 'The message is not encrypted and authenticated as its sender (DIDComm authcrypt); it is refused.',
  EXCHANGE_DECRYPT_FAILED: 'The message could not be decrypted with this authority\'s keys: it was altered, or encrypted for someone else.',
  EXCHANGE_SENDER_MISMATCH: 'The message was encrypted with a key that does not belong to the authority it claims to come from.',
  EXCHANGE_SENDER_UNRESOLVABLE: "The sending authority's DID document could not be read; the message cannot be authenticated.",
  EXCHANGE_MISADDRESSED: 'The message is addressed to another authority.',
  EXCHANGE_MESSAGE_EXPIRED: 'The message has expired.',
  EXCHANGE_MESSAGE_STALE: 'The message was sent too long ago (or in the future) to be accepted: it may be a replay.',
  // The inbox (src/exchange)
  EXCHANGE_SENDER_UNTRUSTED: 'The sender is not a Management Authority this agent trusts.',
  EXCHANGE_TYPE_UNKNOWN: 'This agent does not know the message type.',
  EXCHANGE_BODY_INVALID: 'The message body does not match the schema of its type.',
  EXCHANGE_MESSAGE_ID_REUSED: 'The sender already sent a different message with this id; the new one is refused.',
  // The delivery worker (src/exchange/delivery-worker.ts): what became of a message sent to a peer
  EXCHANGE_PACK_FAILED: "The message could not be encrypted for the peer: its DID document could not be read, or names no DIDComm endpoint or key-agreement key. It will be sent again.",
  EXCHANGE_PEER_UNREACHABLE: 'The peer could not be reached (connection refused, name not found, network down). It will be sent again.',
  EXCHANGE_PEER_TIMEOUT: 'The peer did not answer in time. It will be sent again.',
  EXCHANGE_PEER_ERROR: 'The peer answered with a server error. It will be sent again.',
  EXCHANGE_PEER_REFUSED: 'The peer refused the message without saying why in exchange terms (not an exchange endpoint?). It is not sent again unless an operator re-queues it.',
  // The handlers (src/exchange/handlers)
  // Key notices (src/exchange/handlers/key-revoked.ts)
  EXCHANGE_KEY_NOT_SENDERS: "The revoked key belongs to another authority than the sender: an authority announces only its own keys' revocation (or its customs').",
  EXCHANGE_PERMIT_INVALID: 'The permit in the message did not verify (format, signature, trusted issuer, validity or the permit rules); it is not kept.',
  EXCHANGE_CHECK_UNAVAILABLE: "The document in the message could not be checked now (its signer's DID document could not be read); the sender will try again.",
  EXCHANGE_SENDER_NOT_ISSUER: 'The sending authority did not issue the permit the message concerns; only the issuer may send it, its status or its endorsement.',
  EXCHANGE_NOT_CONCERNED: "The permit does not concern this authority's country: it is not the importer's, the exporter's (for an import permit) or the country of origin (for a re-export).",
  EXCHANGE_DOCUMENT_TYPE_MISMATCH: 'An import permit travels as import-permit and every other document as permit-issued; this one came as the other type.',
  EXCHANGE_PERMIT_NUMBER_REUSED: 'A different permit with the same number from the same issuer is already held here; the new one is refused.',
  EXCHANGE_PERMIT_NOT_RECEIVED: 'The permit this message concerns has not been received here yet; the sender will try again once it has.',
  EXCHANGE_PERMIT_MISMATCH: 'The message names a permit number that is not the number of the permit held under that credential id.',
  EXCHANGE_STATUS_REFUSED: 'The permit was revoked, and revocation is permanent: it cannot be suspended or reinstated.',
  EXCHANGE_ENDORSEMENT_INVALID: "The export endorsement in the message did not verify, is not signed by a customs authority trusted for the exporting country, or does not fit the permit.",
  EXCHANGE_ALREADY_ENDORSED: 'A different export endorsement of this permit is already held: a permit covers one shipment only (Art. VI(5)).',
  // Import confirmation (Art. VI(5), Art. VIII(7)(a)): making one (src/import-confirmation) and receiving one (src/exchange/handlers/import-confirmed.ts)
  IMPORT_PERMIT_UNKNOWN: 'No permit with this number from this issuing authority has reached this authority as an expected import, so its import cannot be confirmed.',
  IMPORTED_PERMIT_REVOKED: 'The issuing authority has notified that this permit is cancelled (revoked): it must not be used, and its import cannot be confirmed.',
  IMPORTED_PERMIT_SUSPENDED: 'The issuing authority has notified that this permit is suspended: it must not be used while suspended, and its import cannot be confirmed.',
  IMPORT_ALREADY_CONFIRMED: 'The import under this permit has already been confirmed; a permit covers one consignment only (Art. VI(5)).',
  IMPORT_QUANTITY_ABOVE_EXPORTED: 'More is declared as imported than the customs of the exporting country endorsed as exported for this block.',
  IMPORT_QUANTITY_ABOVE_PERMITTED: 'More arrived than the permit allows for this block, and no export endorsement was received to compare with: the import is recorded and flagged as exceeding the permit.',
  IMPORT_NOTHING_IMPORTED: 'All quantities are 0: nothing arrived, so there is no import to confirm.',
  IMPORT_PORT_NOT_DOMESTIC: "The port of import must be in this authority's country.",
  IMPORT_CONFIRMATION_UNVERIFIED: 'The import confirmation is not genuine: it is not signed by a customs or Management Authority trusted for the importing country, or it does not read as an import confirmation.',
  IMPORT_CONFIRMATION_NOT_OWN_PERMIT: 'The import confirmation is for a permit this authority did not issue.',
  IMPORT_CONFIRMATION_WRONG_SENDER: "The import confirmation was sent by an authority of another country than the permit's importer.",
} as const;
export type ExchangeCode = keyof typeof EXCHANGE_CODES;

/**
 * Sending a permit holder the link to their permit by email (issue 12 §1, src/mail, docs/mail.md):
 * why a message was not sent, for the officer who asked for it. None of them names the SMTP password.
 */
export const MAIL_CODES = {
  MAIL_NOT_CONFIGURED: 'This agent has no mail server configured (saiga.smtp in agent.yml), so it cannot email the link: hand the link to the permit holder yourself.',
  MAIL_ADDRESS_INVALID: 'The email address is not one a message can be sent to (name@domain, on one line); nothing was sent.',
  MAIL_INPUT_INVALID: 'The message cannot be written: the link, the permit number, the expiry date or the language is not valid. Nothing was sent.',
  MAIL_PASSWORD_MISSING: 'The mail server needs a password, and none was given: set SAIGA_SMTP_PASSWORD or name a password file in agent.yml (saiga.smtp.passwordFile).',
  MAIL_PASSWORD_FILE_INSECURE: 'The mail password file can be read by other users of this computer; it must be readable by its owner only (chmod 600). It was not used.',
  MAIL_SEND_FAILED: 'The message could not be handed to the mail server (it could not be reached, did not answer in time, or the secure connection failed). Nothing was sent; try again later or hand the link over yourself.',
  MAIL_AUTH_FAILED: 'The mail server refused the agent\'s user name or password. Nothing was sent; ask the administrator to check the mail settings.',
  MAIL_REJECTED: 'The mail server refused the message or its recipient (e.g. the address does not exist there). Nothing was sent; check the email address.',
} as const;
export type MailCode = keyof typeof MAIL_CODES;

/**
 * Codes of the CITES toolkit XML (issue 10 §2, src/toolkit-xml, docs/toolkit-xml.md): reading a
 * UN/CEFACT CITESEPermit (version 2) or CBFShip (version 1) document, and the EPIX-style lookup
 * by which a trusted peer authority asks for a permit's toolkit XML.
 */
export const XML_CODES = {
  // Reading a document (src/toolkit-xml/safe-parse.ts)
  XML_TOO_LARGE: 'The XML document is larger than this agent accepts (1 MiB); it was not read.',
  XML_MALFORMED: 'The document is not well-formed XML (see the line and column); it was not read.',
  XML_DOCTYPE_REFUSED: 'The document declares a DOCTYPE or entities. They are refused, so that no entity can be expanded (XML bombs) and no external file is read.',
  XML_TOO_DEEP: 'The XML elements are nested deeper than any permit needs; the document was not read.',
  XML_NOT_TOOLKIT: 'The document is not a CITES toolkit permit: its root is neither CITESEPermit (version 2) nor CBFShip (version 1) in the toolkit namespace.',
  // Mapping it to a permit request (src/toolkit-xml/read-permit.ts)
  XML_REQUIRED_MISSING: 'An element the permit form needs is missing from the XML document.',
  XML_VALUE_INVALID: 'An element of the XML document holds a value that does not fit its box of the permit form.',
  XML_ELEMENT_REPEATED: 'An element appears more often than its box of the permit form allows; only the first was read.',
  XML_ELEMENT_UNMAPPED: 'This element has no box on the Saiga permit form; its value was not carried into the permit request.',
  // The EPIX-style lookup by a peer (src/toolkit-xml/lookup-auth.ts)
  XML_LOOKUP_UNAUTHENTICATED: 'The request carries no DID-signed authorization (Authorization: DIDJWT <JWS>), or it cannot be read.',
  XML_LOOKUP_CALLER_UNTRUSTED: 'The calling DID is not a Management Authority this agent trusts.',
  XML_LOOKUP_SIGNATURE_INVALID: "The authorization is not signed by a key of the calling authority's DID document.",
  XML_LOOKUP_CLAIMS_INVALID: 'The authorization is not addressed to this agent, or names another permit than the one asked for.',
  XML_LOOKUP_STALE: 'The authorization was made too long ago, is not valid yet, or has expired: it may be a replay.',
  XML_LOOKUP_REPLAY: 'This authorization was already used once; every lookup needs a new one.',
  XML_LOOKUP_NOT_FOUND: 'No permit with this number was issued by this authority.',
  XML_LOOKUP_NOT_PARTY: "The calling authority's country is not the exporter's, the importer's or a country of origin of this permit, so it is not given the permit.",
  XML_LOOKUP_CHECK_UNAVAILABLE: "The calling authority's DID document could not be read now; try again later.",
} as const;
export type XmlCode = keyof typeof XML_CODES;

/**
 * The audit trail (issue 10 §3, docs/audit.md): `saiga audit verify` names the first entry
 * that does not fit with one of these; the purge refuses with AUDIT_PURGE_REFUSED.
 */
export const AUDIT_CODES = {
  AUDIT_HASH_MISMATCH: "An audit entry's contents do not match its hash: the entry was changed after it was written.",
  AUDIT_CHAIN_BROKEN: 'An audit entry does not hold the hash of the entry before it: an entry was changed (its hash recomputed), replaced or inserted.',
  AUDIT_ENTRY_MISSING: 'An audit entry is missing from the sequence: it was deleted.',
  AUDIT_TAIL_TRUNCATED: 'A signed checkpoint names audit entries beyond the last one stored: the newest entries were deleted.',
  AUDIT_CHECKPOINT_MISMATCH: 'The audit entry at a signed checkpoint is not the one that was signed: entries up to it were rewritten.',
  AUDIT_CHECKPOINT_SIGNATURE_INVALID: "A checkpoint of the audit trail is not signed by one of the authority's keys, or its stored data differ from what was signed.",
  AUDIT_PURGE_REFUSED: 'Audit entries may be purged only when they are more than 5 years old and every permit they concern expired more than 5 years ago (Decision 18.125(e)); nothing was deleted.',
  AUDIT_PURGE_DATE_INVALID: 'The purge date must be a date (YYYY-MM-DD or ISO 8601).',
  AUDIT_QUERY_INVALID: 'The audit query is invalid: from and to are ISO 8601 dates, limit is 1 to 1000, the cursor is one this agent gave.',
} as const;
export type AuditCode = keyof typeof AUDIT_CODES;

/**
 * Codes of the annual report and the mirror comparison (src/report, docs/annual-report.md):
 * the upload checks UNEP-WCMC's annual-report service applies to each row (Guidelines for the
 * preparation and submission of CITES annual reports, 2021, Notification 2021/044), why a permit
 * is listed as unused, and the kinds of discrepancy between two Parties' records of one shipment.
 */
export const REPORT_CODES = {
  // Upload checks, per row (errors unless said otherwise)
  REPORT_APPENDIX_UNKNOWN: 'The Appendix is not I, II or III: the upload service refuses the row.',
  REPORT_TAXON_MISSING: 'The row names no taxon (scientific name): the upload service refuses the row.',
  REPORT_TERM_UNKNOWN: 'The term (description of the specimens) is not a code of the current annual-report Guidelines: the upload service refuses the row.',
  REPORT_UNIT_UNKNOWN: 'The unit is not a unit of the annual-report Guidelines (UN/ECE Recommendation 20): the upload service refuses the row.',
  REPORT_PURPOSE_UNKNOWN: 'The purpose is not a CITES purpose code: the upload service refuses the row.',
  REPORT_SOURCE_UNKNOWN: 'The source is not a CITES source code: the upload service refuses the row.',
  REPORT_COUNTRY_UNKNOWN: 'A country (trading partner or country of origin) is not an ISO 3166-1 or CITES country code: the upload service refuses the row.',
  REPORT_PARTNER_IS_REPORTER: 'The exporting and the importing country are the same: the upload service refuses the row.',
  REPORT_ORIGIN_IS_EXPORTER: 'The country of origin is the exporting country: the origin is given only for re-exports, so the upload service refuses the row.',
  REPORT_QUANTITY_NOT_NUMERIC: 'The quantity is not a positive number: the upload service refuses the row.',
  REPORT_YEAR_INVALID: 'The year is not a 4-digit year: the upload service refuses the row.',
  REPORT_TERM_UNIT_UNUSUAL: 'Warning: this unit is unusual for this term; the upload service accepts the row but flags it for review.',
  // Permits issued and never used, listed apart from the rows
  REPORT_UNUSED_EXPIRED: 'The permit expired without being used.',
  REPORT_UNUSED_REVOKED: 'The permit was cancelled (revoked) without being used.',
  REPORT_UNUSED_REPLACED: 'The permit was replaced by another permit without being used.',
  REPORT_UNUSED_SUSPENDED: 'The permit is suspended and has not been used.',
  REPORT_UNUSED_OPEN: 'The permit is still valid and has not been used yet.',
  // The report as a whole
  REPORT_STRICT_FAILED: 'The report has rows the upload service would refuse (see the findings); with --strict nothing was written.',
  REPORT_XLSX_TOO_LARGE: 'The report has more rows than one spreadsheet sheet can hold (1,048,575); write it as CSV instead. Nothing was written.',
  // Mirror comparison: what one side recorded of a shipment against what the other side recorded
  REPORT_MIRROR_QUANTITY_DIFFERS: 'The quantity the importing country confirmed differs from the quantity the exporting country endorsed.',
  REPORT_MIRROR_UNIT_MISMATCH: 'The two countries recorded this block in different units, so the quantities cannot be compared.',
  REPORT_MIRROR_IMPORT_MISSING: 'The exporting country recorded the export, but no import confirmation of it is recorded.',
  REPORT_MIRROR_EXPORT_MISSING: 'The import is confirmed, but no export endorsement of it is recorded.',
  REPORT_MIRROR_BLOCK_MISSING: 'One side recorded a quantity for this block and the other side did not record the block at all.',
  REPORT_MIRROR_YEAR_DIFFERS: 'Warning: the export and the import fall in different calendar years, so the two annual reports count the shipment in different years.',
} as const;
export type ReportCode = keyof typeof REPORT_CODES;

/**
 * Issue 12 §2 (docs/oid4vci.md): codes of the agent's own answers about OpenID4VCI offers
 * (POST /api/permits/{number}/offers, `saiga permit offer`). The OpenID4VCI endpoints themselves
 * answer the OAuth 2.0 error codes (RFC 6749 §5.2, RFC 6750 §3.1, OpenID4VCI 1.0 §8.3.1.2).
 */
export const OID4VCI_CODES = {
  OID4VCI_PERMIT_NOT_FOUND: 'No permit with this number was issued here, so there is nothing to offer to a wallet.',
  OID4VCI_PERMIT_NOT_ACTIVE: 'The permit is revoked or suspended: it cannot be offered to a wallet. Reinstate it first if it should be.',
  OID4VCI_UNAVAILABLE: 'This agent does not offer permits to wallets: its address (saiga.url) must be https, or http on this computer only (loopback).',
  // An offer made for a holder link (issue 12 §2, "holderLinkId"): the link must be this permit's and still usable.
  OID4VCI_HOLDER_LINK_NOT_FOUND: 'There is no holder link with this id: no offer was made. List the permit\'s links (GET /api/permits/{number}/shares) for their ids.',
  OID4VCI_HOLDER_LINK_OTHER_PERMIT: 'This holder link was made for another permit: an offer can only be bound to a link of the same permit. No offer was made.',
  OID4VCI_HOLDER_LINK_INACTIVE: 'This holder link was withdrawn or has expired: no offer can be made for it. Share the permit again if the holder still needs it.',
} as const;
export type Oid4vciCode = keyof typeof OID4VCI_CODES;
