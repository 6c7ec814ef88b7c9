/**
 * The email that gives a permit holder the link to their permit (issue 12 §1), in English,
 * French or Spanish: plain text and the same words as simple HTML, every value escaped. No
 * image, no tracking pixel, no external resource: the only link is the permit's own.
 * The expiry is written as an ISO date and a 24-hour UTC time, read alike in every country.
 */
export type MailLanguage = 'en' | 'fr' | 'es';

export interface HolderLinkContent {
  url: string;
  permitNumber: string;
  /** ISO 8601. */
  expiresAt: string;
  language: MailLanguage;
  authority: { name: string; country: string };
}

export interface ComposedMessage {
  subject: string;
  text: string;
  html: string;
}

interface Words {
  subject: (number: string) => string;
  greeting: string;
  issued: (authority: string, number: string) => string;
  expires: (date: string, time: string) => string;
  personal: string;
  automatic: (authority: string) => string;
}

const WORDS: Record<MailLanguage, Words> = {
  en: {
    subject: (n) => `CITES permit ${n}: your link to view it`,
    greeting: 'Dear permit holder,',
    issued: (a, n) => `${a} has issued CITES permit ${n} to you. You can view the permit and its current status at this link:`,
    expires: (d, t) => `The link expires on ${d} at ${t} UTC.`,
    personal:
      'This link is personal. You may forward it to your freight forwarder or customs broker, but anyone who has the link can view the permit, so share it only with those who need it.',
    automatic: (a) => `This message was sent automatically by ${a}.`,
  },
  fr: {
    subject: (n) => `Permis CITES ${n} : votre lien pour le consulter`,
    greeting: 'Madame, Monsieur,',
    issued: (a, n) => `${a} vous a délivré le permis CITES ${n}. Vous pouvez consulter le permis et son statut actuel à ce lien :`,
    expires: (d, t) => `Le lien expire le ${d} à ${t} UTC.`,
    personal:
      "Ce lien vous est personnel. Vous pouvez le transmettre à votre transitaire ou à votre commissionnaire en douane, mais toute personne qui a le lien peut consulter le permis : ne le partagez qu'avec ceux qui en ont besoin.",
    automatic: (a) => `Ce message a été envoyé automatiquement par ${a}.`,
  },
  es: {
    subject: (n) => `Permiso CITES ${n}: su enlace para consultarlo`,
    greeting: 'Estimado/a titular del permiso:',
    issued: (a, n) => `${a} le ha expedido el permiso CITES ${n}. Puede consultar el permiso y su estado actual en este enlace:`,
    expires: (d, t) => `El enlace caduca el ${d} a las ${t} UTC.`,
    personal:
      'Este enlace es personal. Puede reenviarlo a su transitario o agente de aduanas, pero cualquier persona que tenga el enlace puede ver el permiso, así que compártalo solo con quienes lo necesiten.',
    automatic: (a) => `Este mensaje ha sido enviado automáticamente por ${a}.`,
  },
};

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function composeHolderLink(content: HolderLinkContent): ComposedMessage {
  const w = WORDS[content.language];
  const iso = new Date(content.expiresAt).toISOString();
  const [date, time] = [iso.slice(0, 10), iso.slice(11, 16)];
  const authority = `${content.authority.name} (${content.authority.country})`;
  const paragraphs = [w.greeting, w.issued(authority, content.permitNumber), content.url, w.expires(date, time), w.personal, w.automatic(content.authority.name)];
  const text = `${paragraphs.join('\n\n')}\n`;
  const htmlParagraphs = paragraphs.map((p) => {
    const e = escapeHtml(p);
    return p === content.url ? `<p><a href="${e}">${e}</a></p>` : `<p>${e}</p>`;
  });
  const html = `<!DOCTYPE html>\n<html lang="${content.language}"><head><meta charset="utf-8"><title>${escapeHtml(w.subject(content.permitNumber))}</title></head>\n<body>\n${htmlParagraphs.join('\n')}\n</body></html>\n`;
  return { subject: w.subject(content.permitNumber), text, html };
}
