/**
 * The email that gives a permit holder the transaction code (tx_code) of a wallet offer
 * (issue 12 §2, OpenID4VCI 1.0 §3.5): a message apart from the link's own, so that whoever
 * sees the holder page's QR code does not also hold the code. No link in it: the code alone
 * is useless without the offer on the page. English, French or Spanish; every value escaped.
 */
import type { ComposedMessage, MailLanguage } from './message.js';

export interface WalletCodeContent {
  txCode: string;
  permitNumber: string;
  /** ISO 8601: when the offer ends. */
  expiresAt: string;
  language: MailLanguage;
  authority: { name: string; country: string };
}

interface Words {
  subject: (number: string) => string;
  greeting: string;
  asked: (number: string) => string;
  expires: (date: string, time: string) => string;
  secret: string;
  automatic: (authority: string) => string;
}

const WORDS: Record<MailLanguage, Words> = {
  en: {
    subject: (n) => `CITES permit ${n}: your wallet code`,
    greeting: 'Dear permit holder,',
    asked: (n) => `You asked to add CITES permit ${n} to a wallet. When your wallet app asks for the code, enter:`,
    expires: (d, t) => `The code can be used once, until ${d} at ${t} UTC.`,
    secret: 'Do not give this code to anyone: the authority will never ask you for it. If you did not ask for it, ignore this message.',
    automatic: (a) => `This message was sent automatically by ${a}.`,
  },
  fr: {
    subject: (n) => `Permis CITES ${n} : votre code pour le portefeuille`,
    greeting: 'Madame, Monsieur,',
    asked: (n) => `Vous avez demandé à ajouter le permis CITES ${n} à un portefeuille numérique. Quand votre application vous demande le code, saisissez :`,
    expires: (d, t) => `Le code ne peut servir qu'une fois, jusqu'au ${d} à ${t} UTC.`,
    secret: "Ne communiquez ce code à personne : l'organe de gestion ne vous le demandera jamais. Si vous ne l'avez pas demandé, ignorez ce message.",
    automatic: (a) => `Ce message a été envoyé automatiquement par ${a}.`,
  },
  es: {
    subject: (n) => `Permiso CITES ${n}: su código para la billetera`,
    greeting: 'Estimado/a titular del permiso:',
    asked: (n) => `Usted pidió añadir el permiso CITES ${n} a una billetera digital. Cuando su aplicación le pida el código, introduzca:`,
    expires: (d, t) => `El código puede usarse una sola vez, hasta el ${d} a las ${t} UTC.`,
    secret: 'No dé este código a nadie: la Autoridad Administrativa nunca se lo pedirá. Si usted no lo pidió, ignore este mensaje.',
    automatic: (a) => `Este mensaje ha sido enviado automáticamente por ${a}.`,
  },
};

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function composeWalletCode(content: WalletCodeContent): ComposedMessage {
  const w = WORDS[content.language];
  const iso = new Date(content.expiresAt).toISOString();
  const paragraphs = [w.greeting, w.asked(content.permitNumber), content.txCode, w.expires(iso.slice(0, 10), iso.slice(11, 16)), w.secret, w.automatic(content.authority.name)];
  const text = `${paragraphs.join('\n\n')}\n`;
  const html = `<!DOCTYPE html>\n<html lang="${content.language}"><head><meta charset="utf-8"><title>${escapeHtml(w.subject(content.permitNumber))}</title></head>\n<body>\n${paragraphs
    .map((p) => (p === content.txCode ? `<p><strong>${escapeHtml(p)}</strong></p>` : `<p>${escapeHtml(p)}</p>`))
    .join('\n')}\n</body></html>\n`;
  return { subject: w.subject(content.permitNumber), text, html };
}
