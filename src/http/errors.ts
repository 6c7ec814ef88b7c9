/**
 * How API codes map to HTTP statuses — one table, so every route answers alike.
 * Error bodies are `{ error: { code, message, path?, errors?, warnings? } }`; stack traces
 * never reach a client.
 */
import type { Response } from 'express';
import { API_CODES, type ApiCode, type RuleIssue } from '../codes.js';

export const HTTP_STATUS: Record<ApiCode, number> = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  PERMIT_INVALID: 422,
  LIFECYCLE_INVALID: 422,
  LIFECYCLE_REFUSED: 409,
  CONFLICT: 409,
  CONFIG_INVALID: 500,
  SECRET_INVALID: 500,
  INTERNAL_ERROR: 500,
  DATABASE_DAMAGED: 500,
  IDENTITY_AT_RISK: 500,
  // RFC 4918 §11.5: the server cannot store what is needed to complete the request.
  STORAGE_FAILED: 507,
  // Key rotation and revocation (saiga key …)
  KEY_NOT_FOUND: 404,
  KEY_ALREADY_REVOKED: 409,
  KEY_ROTATION_UNSUPPORTED: 409,
  LAST_ACTIVE_KEY: 409,
  // Console sign-in (issue 11 §1)
  AUTH_SIGN_IN_FAILED: 401,
  SESSION_EXPIRED: 401,
  SESSION_CSRF_INVALID: 403,
  USER_INVALID: 422,
  USER_PASSWORD_WEAK: 422,
  USER_EXISTS: 409,
  USER_NOT_FOUND: 404,
  CONSOLE_SIGN_IN_RATE_LIMITED: 429,
  // Not sent: the sign-in answers AUTH_SIGN_IN_FAILED whatever failed (ASVS 4.0 §2.2.1); the audit entry names it.
  TOTP_SECRET_UNREADABLE: 401,
  // Console drafts (issue 11 §2)
  CONSOLE_DRAFT_INVALID: 422,
  CONSOLE_DRAFT_TOO_LARGE: 413,
  CONSOLE_DRAFT_NOT_FOUND: 404,
};

export interface ErrorDetails {
  message?: string;
  /** JSON pointer into the request (body or query) that is at fault. */
  path?: string;
  errors?: RuleIssue[];
  warnings?: RuleIssue[];
}

export function sendError(res: Response, code: ApiCode, details: ErrorDetails = {}): void {
  const { message, ...rest } = details;
  res.status(HTTP_STATUS[code]).json({ error: { code, message: message ?? API_CODES[code], ...rest } });
}

/** An error a route throws on purpose; the error handler turns it into the response. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiCode,
    readonly details: ErrorDetails = {},
  ) {
    super(details.message ?? API_CODES[code]);
  }
}
