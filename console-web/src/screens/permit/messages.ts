/** The permit page's words (its box labels are the printed form's: src/print/labels.ts). */
import type { Messages } from '../../i18n.js';
import type { RevocationReason } from '../../../../src/vocab/public-record.js';
import type { PermitEvent, ListState } from './types.js';

export type LifeAction = 'revoke' | 'suspend' | 'reinstate';

export interface PermitText {
  title: (n: string) => string;
  loading: string;
  notFound: string;
  state: string;
  states: Record<ListState, string>;
  boxes: string;
  history: string;
  when: string;
  action: string;
  by: string;
  reason: string;
  actions: Record<PermitEvent['action'], string>;
  endorsement: string;
  noEndorsement: string;
  importConfirmation: string;
  noImportConfirmation: string;
  portOfImport: string;
  blockQuantity: (block: string) => string;
  officer: string;
  qr: string;
  qrAlt: (n: string) => string;
  qrText: string;
  qrReference: string;
  qrUnavailable: string;
  pdf: string;
  pdfIn: Record<'en' | 'fr' | 'es', string>;
  pdfFailed: string;
  change: string;
  buttons: Record<LifeAction, string>;
  confirmTitle: Record<LifeAction, (n: string) => string>;
  confirmText: Record<LifeAction, string>;
  reasonLabel: string;
  reasonRequired: string;
  revocationReason: string;
  chooseReason: string;
  revocationReasons: Record<RevocationReason, string>;
  confirm: Record<LifeAction, string>;
  cancel: string;
  done: Record<LifeAction, string>;
  refused: string;
  replace: string;
  replaceHint: string;
  revokedBecause: (reason: string, date: string) => string;
  replacedBy: string;
}

const en: PermitText = {
  title: (n) => `Permit ${n}`,
  loading: 'Loading the permit…',
  notFound: 'No permit with this number was issued here.',
  state: 'State',
  states: { valid: 'Valid', used: 'Used (exported)', expired: 'Expired', revoked: 'Revoked', suspended: 'Suspended' },
  boxes: 'The permit, box by box',
  history: 'History',
  when: 'When (UTC)',
  action: 'Action',
  by: 'By',
  reason: 'Reason',
  actions: { issue: 'Issued', revoke: 'Revoked', suspend: 'Suspended', reinstate: 'Reinstated', endorse: 'Export endorsed' },
  endorsement: 'Export endorsement (box 14)',
  noEndorsement: 'Not endorsed by customs yet.',
  importConfirmation: 'Import confirmation',
  noImportConfirmation: 'No import confirmation received.',
  portOfImport: 'Port of import',
  blockQuantity: (b) => `Block ${b}`,
  officer: 'Customs officer',
  qr: 'QR code',
  qrAlt: (n) => `QR code of permit ${n}`,
  qrText: 'Text of the QR code',
  qrReference: 'The permit is too large for a QR code with all of it: the code holds a reference the verifier looks up.',
  qrUnavailable: 'The QR code could not be loaded from the agent. Reload the page to try again.',
  pdf: 'Printable PDF',
  pdfIn: { en: 'PDF in English', fr: 'PDF in French', es: 'PDF in Spanish' },
  pdfFailed: 'The PDF could not be made. Try again.',
  change: 'Change the permit’s state',
  buttons: { revoke: 'Revoke…', suspend: 'Suspend…', reinstate: 'Reinstate…' },
  confirmTitle: { revoke: (n) => `Revoke permit ${n}?`, suspend: (n) => `Suspend permit ${n}?`, reinstate: (n) => `Reinstate permit ${n}?` },
  confirmText: {
    revoke: 'A revoked permit can never be used again. Verifiers everywhere will show it as revoked.',
    suspend: 'A suspended permit cannot be used until it is reinstated.',
    reinstate: 'The permit becomes valid again.',
  },
  reasonLabel: 'Reason (recorded in the history and the audit trail)',
  reasonRequired: 'Give a reason.',
  revocationReason: 'Reason for the revocation',
  chooseReason: 'Choose a reason',
  revocationReasons: { cancelled: 'Cancelled', lost: 'Lost', stolen: 'Stolen', destroyed: 'Destroyed', replaced: 'Replaced', fraud: 'Fraud' },
  confirm: { revoke: 'Revoke the permit', suspend: 'Suspend the permit', reinstate: 'Reinstate the permit' },
  cancel: 'Cancel',
  done: { revoke: 'The permit was revoked.', suspend: 'The permit was suspended.', reinstate: 'The permit was reinstated.' },
  refused: 'Refused:',
  replace: 'Replace this permit',
  replaceHint: 'Issue a new permit that replaces this one (box 5 names it).',
  revokedBecause: (r, d) => `Revoked on ${d}: ${r}`,
  replacedBy: 'Replaced by',
};

const fr: PermitText = {
  title: (n) => `Permis ${n}`,
  loading: 'Chargement du permis…',
  notFound: 'Aucun permis portant ce numéro n’a été délivré ici.',
  state: 'État',
  states: { valid: 'Valide', used: 'Utilisé (exporté)', expired: 'Expiré', revoked: 'Révoqué', suspended: 'Suspendu' },
  boxes: 'Le permis, case par case',
  history: 'Historique',
  when: 'Date (UTC)',
  action: 'Action',
  by: 'Par',
  reason: 'Motif',
  actions: { issue: 'Délivré', revoke: 'Révoqué', suspend: 'Suspendu', reinstate: 'Rétabli', endorse: 'Exportation visée' },
  endorsement: 'Visa d’exportation (case 14)',
  noEndorsement: 'Pas encore visé par la douane.',
  importConfirmation: 'Confirmation d’importation',
  noImportConfirmation: 'Aucune confirmation d’importation reçue.',
  portOfImport: 'Port d’importation',
  blockQuantity: (b) => `Bloc ${b}`,
  officer: 'Agent des douanes',
  qr: 'Code QR',
  qrAlt: (n) => `Code QR du permis ${n}`,
  qrText: 'Texte du code QR',
  qrReference: 'Le permis est trop grand pour tenir en entier dans un code QR : le code contient une référence que le vérificateur consulte.',
  qrUnavailable: 'Le code QR n’a pas pu être chargé depuis l’agent. Rechargez la page pour réessayer.',
  pdf: 'PDF imprimable',
  pdfIn: { en: 'PDF en anglais', fr: 'PDF en français', es: 'PDF en espagnol' },
  pdfFailed: 'Le PDF n’a pas pu être produit. Réessayez.',
  change: 'Changer l’état du permis',
  buttons: { revoke: 'Révoquer…', suspend: 'Suspendre…', reinstate: 'Rétablir…' },
  confirmTitle: { revoke: (n) => `Révoquer le permis ${n} ?`, suspend: (n) => `Suspendre le permis ${n} ?`, reinstate: (n) => `Rétablir le permis ${n} ?` },
  confirmText: {
    revoke: 'Un permis révoqué ne peut plus jamais servir. Les vérificateurs l’afficheront partout comme révoqué.',
    suspend: 'Un permis suspendu ne peut pas servir tant qu’il n’est pas rétabli.',
    reinstate: 'Le permis redevient valide.',
  },
  reasonLabel: 'Motif (inscrit dans l’historique et la piste d’audit)',
  reasonRequired: 'Indiquez un motif.',
  revocationReason: 'Motif de la révocation',
  chooseReason: 'Choisissez un motif',
  revocationReasons: { cancelled: 'Annulé', lost: 'Perdu', stolen: 'Volé', destroyed: 'Détruit', replaced: 'Remplacé', fraud: 'Fraude' },
  confirm: { revoke: 'Révoquer le permis', suspend: 'Suspendre le permis', reinstate: 'Rétablir le permis' },
  cancel: 'Annuler',
  done: { revoke: 'Le permis a été révoqué.', suspend: 'Le permis a été suspendu.', reinstate: 'Le permis a été rétabli.' },
  refused: 'Refusé :',
  replace: 'Remplacer ce permis',
  replaceHint: 'Délivrer un nouveau permis qui remplace celui-ci (la case 5 le mentionne).',
  revokedBecause: (r, d) => `Révoqué le ${d} : ${r}`,
  replacedBy: 'Remplacé par',
};

const es: PermitText = {
  title: (n) => `Permiso ${n}`,
  loading: 'Cargando el permiso…',
  notFound: 'Aquí no se expidió ningún permiso con este número.',
  state: 'Estado',
  states: { valid: 'Válido', used: 'Utilizado (exportado)', expired: 'Vencido', revoked: 'Revocado', suspended: 'Suspendido' },
  boxes: 'El permiso, casilla por casilla',
  history: 'Historial',
  when: 'Fecha (UTC)',
  action: 'Acción',
  by: 'Por',
  reason: 'Motivo',
  actions: { issue: 'Expedido', revoke: 'Revocado', suspend: 'Suspendido', reinstate: 'Restablecido', endorse: 'Exportación refrendada' },
  endorsement: 'Refrendo de exportación (casilla 14)',
  noEndorsement: 'Aún no refrendado por la aduana.',
  importConfirmation: 'Confirmación de importación',
  noImportConfirmation: 'No se recibió ninguna confirmación de importación.',
  portOfImport: 'Puerto de importación',
  blockQuantity: (b) => `Bloque ${b}`,
  officer: 'Funcionario de aduanas',
  qr: 'Código QR',
  qrAlt: (n) => `Código QR del permiso ${n}`,
  qrText: 'Texto del código QR',
  qrReference: 'El permiso es demasiado grande para caber entero en un código QR: el código contiene una referencia que el verificador consulta.',
  qrUnavailable: 'No se pudo cargar el código QR desde el agente. Vuelva a cargar la página para intentarlo de nuevo.',
  pdf: 'PDF para imprimir',
  pdfIn: { en: 'PDF en inglés', fr: 'PDF en francés', es: 'PDF en español' },
  pdfFailed: 'No se pudo generar el PDF. Inténtelo de nuevo.',
  change: 'Cambiar el estado del permiso',
  buttons: { revoke: 'Revocar…', suspend: 'Suspender…', reinstate: 'Restablecer…' },
  confirmTitle: { revoke: (n) => `¿Revocar el permiso ${n}?`, suspend: (n) => `¿Suspender el permiso ${n}?`, reinstate: (n) => `¿Restablecer el permiso ${n}?` },
  confirmText: {
    revoke: 'Un permiso revocado no puede volver a usarse. Los verificadores lo mostrarán como revocado en todas partes.',
    suspend: 'Un permiso suspendido no puede usarse hasta que se restablezca.',
    reinstate: 'El permiso vuelve a ser válido.',
  },
  reasonLabel: 'Motivo (se registra en el historial y en la pista de auditoría)',
  reasonRequired: 'Indique un motivo.',
  revocationReason: 'Motivo de la revocación',
  chooseReason: 'Elija un motivo',
  revocationReasons: { cancelled: 'Cancelado', lost: 'Perdido', stolen: 'Robado', destroyed: 'Destruido', replaced: 'Reemplazado', fraud: 'Fraude' },
  confirm: { revoke: 'Revocar el permiso', suspend: 'Suspender el permiso', reinstate: 'Restablecer el permiso' },
  cancel: 'Cancelar',
  done: { revoke: 'El permiso fue revocado.', suspend: 'El permiso fue suspendido.', reinstate: 'El permiso fue restablecido.' },
  refused: 'Rechazado:',
  replace: 'Reemplazar este permiso',
  replaceHint: 'Expedir un nuevo permiso que reemplace a este (la casilla 5 lo menciona).',
  revokedBecause: (r, d) => `Revocado el ${d}: ${r}`,
  replacedBy: 'Reemplazado por',
};

export const PERMIT_MESSAGES: Messages<PermitText> = { en, fr, es };
