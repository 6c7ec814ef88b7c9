// Issue 12 §1: holder links are rows of the store, so `saiga permit share` opens the configuration and the store only (no key, no self-test).
import { withCliAgent } from '../agent.js';
import { CLI_ACTOR } from '../../audit/record.js';
import { HOLDER_CODES } from '../../codes.js';
import { checkEmail, checkLanguage } from '../../holder/input.js';
import { officerOf } from '../officer-option.js';
import { EXIT, UsageError, type Output } from '../output.js';

/** `saiga permit share NUMBER [--email ADDRESS] [--lang en|fr|es] [--officer NAME]`: makes a holder link and prints it this once. */
export async function permitShareCommand(options: { config: string; number?: string; email?: string; lang?: string; officer?: string }, out: Output): Promise<number> {
  if (!options.number) throw new UsageError('usage: saiga permit share NUMBER [--email ADDRESS] [--lang en|fr|es] [--officer NAME]');
  const email = options.email === undefined ? undefined : checkEmail(options.email, '--email');
  if (email && !email.ok) throw new UsageError(`--email: ${HOLDER_CODES.HOLDER_EMAIL_INVALID}`);
  const language = checkLanguage(options.lang ?? 'en', '--lang');
  if (!language.ok) throw new UsageError(`--lang: ${HOLDER_CODES.HOLDER_LANGUAGE_INVALID}`);
  const actor = officerOf(options.officer) ?? CLI_ACTOR;
  const permitNumber = options.number;
  return withCliAgent('read', options.config, out, async (saiga) => {
    const outcome = await saiga.holderLinks.share(permitNumber, { ...(email?.ok && { email: email.email }), language: language.language }, actor);
    if (!outcome.ok) {
      out.result({ error: { code: outcome.code, message: HOLDER_CODES[outcome.code] } }, () => [`${HOLDER_CODES[outcome.code]} (${outcome.code})`]);
      return EXIT.REFUSED;
    }
    const { link, url, mailed, mailError } = outcome;
    out.result({ id: link.id, url, expiresAt: link.expiresAt, ...(link.email !== undefined && { email: link.email }), mailed, ...(mailError && { mailError }) }, () => [
      `Made a holder link for the permit ${permitNumber} (id ${link.id}, works until ${link.expiresAt}). It is shown this once; give it to the holder:`,
      '',
      `  ${url}`,
      ...(mailError ? ['', `Not e-mailed: ${mailError.message} (${mailError.code})`] : []),
    ]);
    return EXIT.OK;
  });
}
