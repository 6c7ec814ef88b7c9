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
  withdrawnTitle: string;
  withdrawn: string;
  expiredTitle: string;
  expired: string;
  unknownTitle: string;
  unknown: string;
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
  withdrawnTitle: 'Link withdrawn',
  withdrawn: 'This link was withdrawn by the issuing authority. Ask the authority for a new one.',
  expiredTitle: 'Link expired',
  expired: 'This link has expired. Ask the issuing authority if you still need the permit.',
  unknownTitle: 'Nothing here',
  unknown: 'There is nothing at this address. Check the link you were given.',
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
  withdrawnTitle: 'Lien retiré',
  withdrawn: 'Ce lien a été retiré par l’organe de gestion qui a délivré le permis. Demandez-lui un nouveau lien.',
  expiredTitle: 'Lien expiré',
  expired: 'Ce lien a expiré. Adressez-vous à l’organe de gestion si vous avez encore besoin du permis.',
  unknownTitle: 'Rien ici',
  unknown: 'Il n’y a rien à cette adresse. Vérifiez le lien qui vous a été donné.',
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
  withdrawnTitle: 'Enlace retirado',
  withdrawn: 'La Autoridad Administrativa que expidió el permiso retiró este enlace. Pídale uno nuevo.',
  expiredTitle: 'Enlace vencido',
  expired: 'Este enlace ha vencido. Diríjase a la Autoridad Administrativa si aún necesita el permiso.',
  unknownTitle: 'Nada aquí',
  unknown: 'No hay nada en esta dirección. Compruebe el enlace que le dieron.',
};

export const HOLDER_PAGE_MESSAGES: Record<HolderLanguage, HolderPageMessages> = { en, fr, es };
