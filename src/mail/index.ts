/** Mail to permit holders (issue 12 §1, docs/mail.md): what the wiring and the config loader use. */
export { createHolderLinkMailer, type HolderLinkMailer, type MailerConfig, type MailerDeps } from './mailer.js';
export { MailError } from './errors.js';
export { normaliseSmtp, isLoopbackHost, type SmtpSettings, type SmtpSection } from './settings.js';
export { SMTP_PASSWORD_ENV } from './password.js';
