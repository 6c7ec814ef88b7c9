/**
 * The holder page's own words in English, French and Spanish (issue 12 §1). The permit's box
 * labels are the printed form's (src/print/labels.ts FORM_LABELS), imported, never copied.
 */
import type { HolderLanguage } from './input.js';

export type HolderState = 'valid' | 'suspended' | 'revoked' | 'used' | 'imported' | 'expired';

export interface HolderPageMessages {
  title: (permitNumber: string) => string;
  intro: string;
  languages: string;
  stateHeading: string;
  states: Record<HolderState, string>;
  stateExplained: Record<HolderState, string>;
  qrHeading: string;
  qrAlt: string;
  showFullScreen: string;
  closeFullScreen: string;
  fullScreenHint: string;
  downloadsHeading: string;
  pdfIn: Record<HolderLanguage, string>;
  credential: string;
  credentialHint: string;
  boxesHeading: string;
  blocksHeading: string;
  /** Issue 12 §2: "Add to a wallet". */
  wallet: {
    heading: string;
    scan: string;
    qrAlt: string;
    openLink: string;
    codeByMail: string;
    until: (date: string, time: string) => string;
    request: string;
    requestHint: string;
    askAuthority: string;
    mailFailed: string;
  };

  withdrawnTitle: string;
  withdrawn: string;
  expiredTitle: string;
  expired: string;
  unknownTitle: string;
  unknown: string;
  busyTitle: string;
  busy: string;
}

const en: HolderPageMessages = {
  title: (n) => `CITES permit ${n}`,
  intro: 'The permit the Management Authority issued to you, as it is printed. Show the QR code to customs or anyone who checks the permit.',
  languages: 'Language',
  stateHeading: 'State of the permit now',
  states: { valid: 'Valid', suspended: 'Suspended', revoked: 'Revoked', used: 'Used (export recorded)', imported: 'Imported', expired: 'Expired' },
  stateExplained: {
    valid: 'The permit may be used until the date in box 2.',
    suspended: 'The authority has suspended the permit: it may not be used until it is reinstated.',
    revoked: 'The authority has revoked (cancelled) the permit: it may not be used.',
    used: 'Customs recorded the export under this permit.',
    imported: 'The importing country confirmed the import under this permit.',
    expired: 'The date in box 2 has passed: the permit may no longer be used.',
  },
  qrHeading: 'QR code',
  qrAlt: 'QR code of the permit, with the signed permit for the verifier',
  showFullScreen: 'Show full screen, bright',
  closeFullScreen: 'Close',
  fullScreenHint: 'Turn your screen brightness up so that the code scans well.',
  downloadsHeading: 'Downloads',
  pdfIn: { en: 'Printed permit (PDF, English)', fr: 'Printed permit (PDF, French)', es: 'Printed permit (PDF, Spanish)' },
  credential: 'Signed permit (verifiable credential, JWT)',
  credentialHint: 'The electronic permit signed by the authority, for software that verifies CITES permits.',
  boxesHeading: 'The permit, box by box',
  blocksHeading: 'Specimens',
  wallet: {
    heading: 'Add to a wallet',
    scan: 'Scan this code with your digital wallet app, or open the link on the phone that has the wallet.',
    qrAlt: 'QR code of the wallet offer of the permit',
    openLink: 'Open in a wallet app',
    codeByMail: 'The wallet will ask for a 6-digit code: it was sent to you by e-mail, in a separate message. Do not share it.',
    until: (d, t) => `This offer can be used once, until ${d} at ${t} UTC.`,
    request: 'Get a wallet offer',
    requestHint: 'A QR code for your wallet app will show here, and a 6-digit code will be sent to the e-mail address this link was sent to.',
    askAuthority: 'To add this permit to a digital wallet, ask the issuing authority for a wallet offer: they will give you a QR code and a 6-digit code.',
    mailFailed: 'The code could not be e-mailed to you just now. Try again later, or ask the issuing authority for a wallet offer.',
  },
  withdrawnTitle: 'Link withdrawn',
  withdrawn: 'This link was withdrawn by the issuing authority. Ask the authority for a new one.',
  expiredTitle: 'Link expired',
  expired: 'This link has expired. Ask the issuing authority if you still need the permit.',
  unknownTitle: 'Nothing here',
  unknown: 'There is nothing at this address. Check the link you were given.',
  busyTitle: 'Too many requests',
  busy: 'This page was asked for too often from your network in the last minute. Wait a minute, then reload it.',
};

const fr: HolderPageMessages = {
  title: (n) => `Permis CITES ${n}`,
  intro: 'Le permis que l’organe de gestion vous a délivré, tel qu’il est imprimé. Présentez le code QR à la douane ou à toute personne qui contrôle le permis.',
  languages: 'Langue',
  stateHeading: 'État actuel du permis',
  states: { valid: 'Valable', suspended: 'Suspendu', revoked: 'Révoqué', used: 'Utilisé (exportation enregistrée)', imported: 'Importé', expired: 'Expiré' },
  stateExplained: {
    valid: 'Le permis peut être utilisé jusqu’à la date de la case 2.',
    suspended: 'L’organe de gestion a suspendu le permis : il ne peut pas être utilisé tant qu’il n’est pas rétabli.',
    revoked: 'L’organe de gestion a révoqué (annulé) le permis : il ne peut pas être utilisé.',
    used: 'La douane a enregistré l’exportation sous ce permis.',
    imported: 'Le pays d’importation a confirmé l’importation sous ce permis.',
    expired: 'La date de la case 2 est passée : le permis ne peut plus être utilisé.',
  },
  qrHeading: 'Code QR',
  qrAlt: 'Code QR du permis, avec le permis signé pour le vérificateur',
  showFullScreen: 'Afficher en plein écran, lumineux',
  closeFullScreen: 'Fermer',
  fullScreenHint: 'Augmentez la luminosité de l’écran pour que le code se lise bien.',
  downloadsHeading: 'Téléchargements',
  pdfIn: { en: 'Permis imprimé (PDF, anglais)', fr: 'Permis imprimé (PDF, français)', es: 'Permis imprimé (PDF, espagnol)' },
  credential: 'Permis signé (attestation vérifiable, JWT)',
  credentialHint: 'Le permis électronique signé par l’organe de gestion, pour les logiciels qui vérifient les permis CITES.',
  boxesHeading: 'Le permis, case par case',
  blocksHeading: 'Spécimens',
  wallet: {
    heading: 'Ajouter à un portefeuille',
    scan: 'Scannez ce code avec votre application de portefeuille numérique, ou ouvrez le lien sur le téléphone qui a le portefeuille.',
    qrAlt: 'Code QR de l’offre du permis pour un portefeuille',
    openLink: 'Ouvrir dans une application de portefeuille',
    codeByMail: 'Le portefeuille vous demandera un code à 6 chiffres : il vous a été envoyé par courriel, dans un message séparé. Ne le communiquez à personne.',
    until: (d, t) => `Cette offre ne peut servir qu’une fois, jusqu’au ${d} à ${t} UTC.`,
    request: 'Obtenir une offre pour un portefeuille',
    requestHint: 'Un code QR pour votre application de portefeuille s’affichera ici, et un code à 6 chiffres sera envoyé à l’adresse électronique à laquelle ce lien a été envoyé.',
    askAuthority: 'Pour ajouter ce permis à un portefeuille numérique, demandez une offre à l’organe de gestion qui l’a délivré : il vous donnera un code QR et un code à 6 chiffres.',
    mailFailed: 'Le code n’a pas pu vous être envoyé par courriel pour le moment. Réessayez plus tard, ou demandez une offre à l’organe de gestion.',
  },
  withdrawnTitle: 'Lien retiré',
  withdrawn: 'Ce lien a été retiré par l’organe de gestion qui a délivré le permis. Demandez-lui un nouveau lien.',
  expiredTitle: 'Lien expiré',
  expired: 'Ce lien a expiré. Adressez-vous à l’organe de gestion si vous avez encore besoin du permis.',
  unknownTitle: 'Rien ici',
  unknown: 'Il n’y a rien à cette adresse. Vérifiez le lien qui vous a été donné.',
  busyTitle: 'Trop de demandes',
  busy: 'Cette page a été demandée trop souvent depuis votre réseau dans la dernière minute. Attendez une minute, puis rechargez-la.',
};

const es: HolderPageMessages = {
  title: (n) => `Permiso CITES ${n}`,
  intro: 'El permiso que la Autoridad Administrativa le expidió, tal como se imprime. Muestre el código QR a la aduana o a quien controle el permiso.',
  languages: 'Idioma',
  stateHeading: 'Estado actual del permiso',
  states: { valid: 'Válido', suspended: 'Suspendido', revoked: 'Revocado', used: 'Utilizado (exportación registrada)', imported: 'Importado', expired: 'Vencido' },
  stateExplained: {
    valid: 'El permiso puede utilizarse hasta la fecha de la casilla 2.',
    suspended: 'La Autoridad Administrativa suspendió el permiso: no puede utilizarse hasta que se restablezca.',
    revoked: 'La Autoridad Administrativa revocó (anuló) el permiso: no puede utilizarse.',
    used: 'La aduana registró la exportación con este permiso.',
    imported: 'El país de importación confirmó la importación con este permiso.',
    expired: 'La fecha de la casilla 2 ha pasado: el permiso ya no puede utilizarse.',
  },
  qrHeading: 'Código QR',
  qrAlt: 'Código QR del permiso, con el permiso firmado para el verificador',
  showFullScreen: 'Mostrar en pantalla completa, brillante',
  closeFullScreen: 'Cerrar',
  fullScreenHint: 'Suba el brillo de la pantalla para que el código se lea bien.',
  downloadsHeading: 'Descargas',
  pdfIn: { en: 'Permiso impreso (PDF, inglés)', fr: 'Permiso impreso (PDF, francés)', es: 'Permiso impreso (PDF, español)' },
  credential: 'Permiso firmado (credencial verificable, JWT)',
  credentialHint: 'El permiso electrónico firmado por la Autoridad Administrativa, para programas que verifican permisos CITES.',
  boxesHeading: 'El permiso, casilla por casilla',
  blocksHeading: 'Especímenes',
  wallet: {
    heading: 'Añadir a una billetera',
    scan: 'Escanee este código con su aplicación de billetera digital, o abra el enlace en el teléfono que tiene la billetera.',
    qrAlt: 'Código QR de la oferta del permiso para una billetera',
    openLink: 'Abrir en una aplicación de billetera',
    codeByMail: 'La billetera le pedirá un código de 6 dígitos: se le envió por correo electrónico, en un mensaje aparte. No lo comparta.',
    until: (d, t) => `Esta oferta puede usarse una sola vez, hasta el ${d} a las ${t} UTC.`,
    request: 'Obtener una oferta para la billetera',
    requestHint: 'Aquí aparecerá un código QR para su aplicación de billetera, y se enviará un código de 6 dígitos a la dirección de correo a la que se envió este enlace.',
    askAuthority: 'Para añadir este permiso a una billetera digital, pida una oferta a la Autoridad Administrativa que lo expidió: le dará un código QR y un código de 6 dígitos.',
    mailFailed: 'No se pudo enviarle el código por correo en este momento. Inténtelo más tarde, o pida una oferta a la Autoridad Administrativa.',
  },
  withdrawnTitle: 'Enlace retirado',
  withdrawn: 'La Autoridad Administrativa que expidió el permiso retiró este enlace. Pídale uno nuevo.',
  expiredTitle: 'Enlace vencido',
  expired: 'Este enlace ha vencido. Diríjase a la Autoridad Administrativa si aún necesita el permiso.',
  unknownTitle: 'Nada aquí',
  unknown: 'No hay nada en esta dirección. Compruebe el enlace que le dieron.',
  busyTitle: 'Demasiadas solicitudes',
  busy: 'Esta página se pidió demasiadas veces desde su red en el último minuto. Espere un minuto y vuelva a cargarla.',
};

export const HOLDER_PAGE_MESSAGES: Record<HolderLanguage, HolderPageMessages> = { en, fr, es };
