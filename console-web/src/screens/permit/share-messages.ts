/** The words of the permit page's "Share with the holder" section (issue 12 §1). */
import type { Messages } from '../../i18n.js';

export interface ShareText {
  title: string;
  intro: string;
  email: string;
  emailHint: string;
  share: string;
  linkOnce: string;
  copy: string;
  copied: string;
  copyFailed: string;
  mailed: string;
  notMailed: string;
  links: string;
  none: string;
  created: string;
  by: string;
  expires: string;
  state: string;
  states: Record<'active' | 'revoked' | 'expired', string>;
  revoke: string;
  confirmTitle: string;
  confirmText: string;
  confirm: string;
  cancel: string;
  revoked: string;
  refused: string;
}

export const SHARE_MESSAGES: Messages<ShareText> = {
  en: {
    title: 'Share with the holder',
    intro: 'Make a link that gives the holder (the trader) their permit: the boxes, its state, the QR code, the PDF and the signed permit.',
    email: 'E-mail address (optional)',
    emailHint: 'Kept with the link, so you know where it went.',
    share: 'Make a holder link',
    linkOnce: 'The link, shown this once: copy it and give it to the holder.',
    copy: 'Copy the link',
    copied: 'Copied.',
    copyFailed: 'Could not copy: select the link and copy it.',
    mailed: 'It was sent to the address.',
    notMailed: 'It was not sent by e-mail: hand it to the holder.',
    links: 'Links made',
    none: 'No link yet.',
    created: 'Made',
    by: 'By',
    expires: 'Works until',
    state: 'State',
    states: { active: 'Active', revoked: 'Withdrawn', expired: 'Expired' },
    revoke: 'Withdraw',
    confirmTitle: 'Withdraw this holder link?',
    confirmText: 'Whoever has the link will see "withdrawn by the authority". The permit itself does not change.',
    confirm: 'Withdraw the link',
    cancel: 'Cancel',
    revoked: 'The link was withdrawn.',
    refused: 'Refused:',
  },
  fr: {
    title: 'Partager avec le titulaire',
    intro: 'Créer un lien qui donne au titulaire (le commerçant) son permis : les cases, son état, le code QR, le PDF et le permis signé.',
    email: 'Adresse électronique (facultative)',
    emailHint: 'Conservée avec le lien, pour savoir où il est parti.',
    share: 'Créer un lien pour le titulaire',
    linkOnce: 'Le lien, affiché une seule fois : copiez-le et donnez-le au titulaire.',
    copy: 'Copier le lien',
    copied: 'Copié.',
    copyFailed: 'Copie impossible : sélectionnez le lien et copiez-le.',
    mailed: 'Il a été envoyé à l’adresse.',
    notMailed: 'Il n’a pas été envoyé par courriel : remettez-le au titulaire.',
    links: 'Liens créés',
    none: 'Aucun lien pour l’instant.',
    created: 'Créé',
    by: 'Par',
    expires: 'Valable jusqu’au',
    state: 'État',
    states: { active: 'Actif', revoked: 'Retiré', expired: 'Expiré' },
    revoke: 'Retirer',
    confirmTitle: 'Retirer ce lien du titulaire ?',
    confirmText: 'Quiconque a le lien verra « retiré par l’organe de gestion ». Le permis lui-même ne change pas.',
    confirm: 'Retirer le lien',
    cancel: 'Annuler',
    revoked: 'Le lien a été retiré.',
    refused: 'Refusé :',
  },
  es: {
    title: 'Compartir con el titular',
    intro: 'Crear un enlace que da al titular (el comerciante) su permiso: las casillas, su estado, el código QR, el PDF y el permiso firmado.',
    email: 'Correo electrónico (opcional)',
    emailHint: 'Se guarda con el enlace, para saber adónde se envió.',
    share: 'Crear un enlace para el titular',
    linkOnce: 'El enlace, mostrado una sola vez: cópielo y entrégueselo al titular.',
    copy: 'Copiar el enlace',
    copied: 'Copiado.',
    copyFailed: 'No se pudo copiar: seleccione el enlace y cópielo.',
    mailed: 'Se envió a la dirección.',
    notMailed: 'No se envió por correo: entrégueselo al titular.',
    links: 'Enlaces creados',
    none: 'Aún no hay enlaces.',
    created: 'Creado',
    by: 'Por',
    expires: 'Válido hasta',
    state: 'Estado',
    states: { active: 'Activo', revoked: 'Retirado', expired: 'Vencido' },
    revoke: 'Retirar',
    confirmTitle: '¿Retirar este enlace del titular?',
    confirmText: 'Quien tenga el enlace verá «retirado por la autoridad». El permiso no cambia.',
    confirm: 'Retirar el enlace',
    cancel: 'Cancelar',
    revoked: 'El enlace fue retirado.',
    refused: 'Rechazado:',
  },
};
