/**
 * The serving agent's holder-link mailer (issue 12 §1, docs/mail.md), or none without saiga.smtp.
 * Built at start, so that a missing or exposed SMTP password stops the start with its path in
 * agent.yml (a configuration error, like the others), not the first message.
 */
import { createHolderLinkMailer, MailError, type HolderLinkMailer, type MailerConfig } from '../../mail/index.js';
import { ConfigError } from '../config/yaml-loader.js';

export function openMailer(config: MailerConfig, env: Readonly<Record<string, string | undefined>>, now: () => Date): HolderLinkMailer | undefined {
  try {
    return createHolderLinkMailer(config, env, { now });
  } catch (error) {
    if (error instanceof MailError && error.pointer !== undefined) throw new ConfigError(`${error.code}: ${error.message}`, error.pointer);
    throw error;
  }
}
