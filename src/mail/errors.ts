/** A mail that was not sent, with its code (src/codes.ts MAIL_CODES) and, for a setting, its JSON path in agent.yml. */
import { MAIL_CODES, type MailCode } from '../codes.js';

export class MailError extends Error {
  constructor(
    readonly code: MailCode,
    detail?: string,
    /** Where in agent.yml, for a setting that is wrong (e.g. /saiga/smtp/passwordFile). */
    readonly pointer?: string,
  ) {
    super(detail === undefined ? MAIL_CODES[code] : `${MAIL_CODES[code]} (${detail})`);
    this.name = 'MailError';
  }
}
