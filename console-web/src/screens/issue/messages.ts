/** The issue form's words (issue 11 §2, §4), in the standard form's box order (Res. Conf. 12.3 Annex 2). */
import type { Messages } from '../../i18n.js';

/** The agent's refusals about the permit being replaced (src/codes.ts RULE_CODES), shown as sentences. */
export type ReplaceRefusal = 'REPLACED_PERMIT_UNKNOWN' | 'REPLACED_PERMIT_REVOKED' | 'REPLACED_PERMIT_USED';

export interface IssueMessages {
  title: string;
  intro: string;
  docType: string; export: string; reExport: string; import: string; other: string; otherSpecify: string;
  box1: string; validUntil: string; validUntilHint: string;
  box3: string; box4: string; name: string; address: string; country: string; choose: string;
  box5: string; specialConditions: string; conditionsHint: string;
  box5a: string; purpose: string;
  box5b: string; securityStamp: string;
  box6: string; importPermit: string; importPermitNumber: string; importPermitIssuer: string; importPermitCountry: string; importPermitDate: string;
  /** Between a box number and a field's name: French puts a no-break space before the colon. */
  sep: string;
  block: (letter: string) => string;
  box7: string; box8: string; box9: string; term: string; marks: string;
  box10: string; appendix: string; source: string;
  box11: string; quantity: string; unit: string;
  box11a: string; quotaExported: string; quotaAnnual: string;
  box12: string; originCountry: string; originPermit: string; originDate: string;
  box12a: string; lastCountry: string; lastCertificate: string; lastDate: string;
  box12b: string; operationNumber: string; acquisitionDate: string;
  addBlock: string; removeBlock: (letter: string) => string;
  issue: string; issuing: string;
  summaryErrors: (n: number) => string; summaryWarnings: (n: number) => string;
  errorLabel: string; warningLabel: string; refused: string;
  drafts: string; draftName: string; saveDraft: string; openDraft: string; deleteDraft: string; draftSaved: (name: string) => string; draftRefused: string; noDrafts: string; draftsLocal: string;
  startFrom: string; permitNumber: string; copy: string; copied: (n: string) => string; notFound: (n: string) => string;
  /** The preview before issuing (preview.ts). */
  previewPdf: string; previewing: string; previewLang: string; previewReady: string; previewAgain: string; previewFailed: string;
  holder: string; holderEmail: string; holderEmailHint: string; holderLanguage: string;
  /** Replacing a permit (replacement.tsx, R1). */
  replacement: (n: string) => string; willReplace: (n: string) => string; replaceReason: string; notReplacing: string;
  replaceRefused: Record<ReplaceRefusal, (n: string) => string>;
}

export const MESSAGES: Messages<IssueMessages> = {
  en: {
    title: 'Issue a permit',
    intro: 'Box by box, as on the CITES form (Res. Conf. 12.3 Annex 2). Fields appear where the document type and source need them.',
    docType: 'Document type', export: 'Export', reExport: 'Re-export', import: 'Import', other: 'Other (specify)', otherSpecify: 'Which document',
    box1: 'Box 1 and 2: validity', validUntil: 'Valid until', validUntilHint: 'Left empty: the longest validity the document type allows.',
    box3: 'Box 3: importer', box4: 'Box 4: exporter / re-exporter', name: 'Name', address: 'Address', country: 'Country', choose: '— choose —',
    box5: 'Box 5: special conditions', specialConditions: 'Special conditions', conditionsHint: 'One condition per line.',
    box5a: 'Box 5a: purpose of the transaction', purpose: 'Purpose',
    box5b: 'Box 5b: security stamp', securityStamp: 'Security stamp number',
    box6: 'Import permit (Appendix I, Art. III(2)(d))', importPermit: 'Import permit', importPermitNumber: 'Import permit number', importPermitIssuer: 'Issuing authority (DID)', importPermitCountry: 'Country of the import permit', importPermitDate: 'Date of the import permit',
    sep: ': ', block: (l) => `Block ${l}`,
    box7: 'Box 7: scientific name', box8: 'Box 8: common name', box9: 'Box 9: description', term: 'Term (box 9)', marks: 'Identifying marks',
    box10: 'Box 10', appendix: 'Appendix', source: 'Source',
    box11: 'Box 11', quantity: 'Quantity', unit: 'Unit',
    box11a: 'Box 11a: quota', quotaExported: 'Exported to date this year', quotaAnnual: 'Annual quota',
    box12: 'Box 12: country of origin', originCountry: 'Country of origin', originPermit: 'Origin permit number', originDate: 'Origin permit date',
    box12a: 'Box 12a: country of last re-export', lastCountry: 'Country of last re-export', lastCertificate: 'Certificate number', lastDate: 'Certificate date',
    box12b: 'Box 12b', operationNumber: 'Operation number (source D)', acquisitionDate: 'Date of acquisition (source O)',
    addBlock: 'Add a block', removeBlock: (l) => `Remove block ${l}`,
    issue: 'Issue the permit', issuing: 'Issuing…',
    summaryErrors: (n) => `${n} problem(s) to fix before the permit can be issued`, summaryWarnings: (n) => `${n} warning(s)`,
    errorLabel: 'Error', warningLabel: 'Warning', refused: 'The agent refused the request',
    drafts: 'Drafts', draftName: 'Draft name', saveDraft: 'Save draft', openDraft: 'Open draft', deleteDraft: 'Delete draft', draftSaved: (n) => `Draft "${n}" saved.`, draftRefused: 'The draft could not be saved, opened or deleted. Try again.', noDrafts: 'No drafts yet.', draftsLocal: 'Drafts are kept by the agent, for every permit officer, until deleted.',
    startFrom: 'Start from an existing permit', permitNumber: 'Permit number', copy: 'Copy its boxes', copied: (n) => `The boxes of ${n} were copied; check them before issuing.`, notFound: (n) => `No permit numbered ${n} was found.`,
    holder: 'The holder', holderEmail: 'Holder’s e-mail (send the permit link)',
    holderEmailHint: 'Optional. The trader receives a link to the permit, its PDF and the signed credential.', holderLanguage: 'Language of the e-mail',
    previewPdf: 'Preview PDF', previewing: 'Preparing the preview…', previewLang: 'Language of the preview',
    previewReady: 'The preview PDF was downloaded. It is not a permit: it has no number, no QR code, and nothing was issued.', previewAgain: 'Download the preview again', previewFailed: 'The preview could not be made. Try again.',
    replacement: (n) => `Replacement of permit ${n}`, willReplace: (n) => `This permit will replace ${n}; ${n} will be revoked when the new one is issued.`,
    replaceReason: 'Why it is replaced (printed in box 5)', notReplacing: 'Issue a new permit instead, replacing none',
    replaceRefused: {
      REPLACED_PERMIT_UNKNOWN: (n) => `No permit numbered ${n} was issued by this authority, so it cannot be replaced.`,
      REPLACED_PERMIT_REVOKED: (n) => `Permit ${n} is already revoked, so it cannot be replaced.`,
      REPLACED_PERMIT_USED: (n) => `Permit ${n} was already used for a shipment, so it cannot be replaced.`,
    },
  },
  fr: {
    title: 'Délivrer un permis',
    intro: 'Case par case, comme sur le formulaire CITES (rés. Conf. 12.3, annexe 2). Les champs apparaissent là où le type de document et la source les demandent.',
    docType: 'Type de document', export: 'Exportation', reExport: 'Réexportation', import: 'Importation', other: 'Autre (préciser)', otherSpecify: 'Quel document',
    box1: 'Cases 1 et 2\u00a0: validité', validUntil: 'Valable jusqu’au', validUntilHint: 'Vide\u00a0: la plus longue validité que permet le type de document.',
    box3: 'Case 3\u00a0: importateur', box4: 'Case 4\u00a0: exportateur / réexportateur', name: 'Nom', address: 'Adresse', country: 'Pays', choose: '— choisir —',
    box5: 'Case 5\u00a0: conditions particulières', specialConditions: 'Conditions particulières', conditionsHint: 'Une condition par ligne.',
    box5a: 'Case 5a\u00a0: but de la transaction', purpose: 'But',
    box5b: 'Case 5b\u00a0: timbre de sécurité', securityStamp: 'Numéro du timbre de sécurité',
    box6: 'Permis d’importation (Annexe I, art. III(2)(d))', importPermit: 'Permis d’importation', importPermitNumber: 'Numéro du permis d’importation', importPermitIssuer: 'Autorité émettrice (DID)', importPermitCountry: 'Pays du permis d’importation', importPermitDate: 'Date du permis d’importation',
    sep: '\u00a0: ', block: (l) => `Bloc ${l}`,
    box7: 'Case 7\u00a0: nom scientifique', box8: 'Case 8\u00a0: nom commun', box9: 'Case 9\u00a0: description', term: 'Terme (case 9)', marks: 'Marques d’identification',
    box10: 'Case 10', appendix: 'Annexe', source: 'Source',
    box11: 'Case 11', quantity: 'Quantité', unit: 'Unité',
    box11a: 'Case 11a\u00a0: quota', quotaExported: 'Exporté à ce jour cette année', quotaAnnual: 'Quota annuel',
    box12: 'Case 12\u00a0: pays d’origine', originCountry: 'Pays d’origine', originPermit: 'Numéro du permis d’origine', originDate: 'Date du permis d’origine',
    box12a: 'Case 12a\u00a0: pays de la dernière réexportation', lastCountry: 'Pays de la dernière réexportation', lastCertificate: 'Numéro du certificat', lastDate: 'Date du certificat',
    box12b: 'Case 12b', operationNumber: 'Numéro de l’établissement (source D)', acquisitionDate: 'Date d’acquisition (source O)',
    addBlock: 'Ajouter un bloc', removeBlock: (l) => `Retirer le bloc ${l}`,
    issue: 'Délivrer le permis', issuing: 'Délivrance…',
    summaryErrors: (n) => `${n} problème(s) à corriger avant de délivrer le permis`, summaryWarnings: (n) => `${n} avertissement(s)`,
    errorLabel: 'Erreur', warningLabel: 'Avertissement', refused: 'L’agent a refusé la demande',
    drafts: 'Brouillons', draftName: 'Nom du brouillon', saveDraft: 'Enregistrer le brouillon', openDraft: 'Ouvrir le brouillon', deleteDraft: 'Supprimer le brouillon', draftSaved: (n) => `Brouillon «\u00a0${n}\u00a0» enregistré.`, draftRefused: "Le brouillon n'a pas pu être enregistré, ouvert ou supprimé. Réessayez.", noDrafts: 'Aucun brouillon.', draftsLocal: "Les brouillons sont gardés par l'agent, pour tous les agents des permis, jusqu'à leur suppression.",
    startFrom: 'Partir d’un permis existant', permitNumber: 'Numéro du permis', copy: 'Copier ses cases', copied: (n) => `Les cases de ${n} ont été copiées\u00a0; vérifiez-les avant de délivrer.`, notFound: (n) => `Aucun permis numéro ${n} n’a été trouvé.`,
    holder: 'Le titulaire', holderEmail: 'Courriel du titulaire (envoyer le lien du permis)',
    holderEmailHint: 'Facultatif. Le commerçant reçoit un lien vers le permis, son PDF et la version signée.', holderLanguage: 'Langue du courriel',
    previewPdf: 'Aperçu PDF', previewing: 'Préparation de l’aperçu…', previewLang: 'Langue de l’aperçu',
    previewReady: 'L’aperçu PDF a été téléchargé. Ce n’est pas un permis\u00a0: il n’a ni numéro ni code QR, et rien n’a été délivré.', previewAgain: 'Télécharger l’aperçu à nouveau', previewFailed: 'L’aperçu n’a pas pu être fait. Réessayez.',
    replacement: (n) => `Remplacement du permis ${n}`, willReplace: (n) => `Ce permis remplacera ${n}\u00a0; ${n} sera révoqué quand le nouveau sera délivré.`,
    replaceReason: 'Motif du remplacement (imprimé en case 5)', notReplacing: 'Délivrer plutôt un nouveau permis, sans remplacement',
    replaceRefused: {
      REPLACED_PERMIT_UNKNOWN: (n) => `Aucun permis numéro ${n} n’a été délivré par cette autorité\u00a0: il ne peut pas être remplacé.`,
      REPLACED_PERMIT_REVOKED: (n) => `Le permis ${n} est déjà révoqué\u00a0: il ne peut pas être remplacé.`,
      REPLACED_PERMIT_USED: (n) => `Le permis ${n} a déjà servi pour une expédition\u00a0: il ne peut pas être remplacé.`,
    },
  },
  es: {
    title: 'Expedir un permiso',
    intro: 'Casilla por casilla, como en el formulario CITES (Res. Conf. 12.3, anexo 2). Los campos aparecen donde el tipo de documento y el origen los piden.',
    docType: 'Tipo de documento', export: 'Exportación', reExport: 'Reexportación', import: 'Importación', other: 'Otro (especificar)', otherSpecify: 'Qué documento',
    box1: 'Casillas 1 y 2: validez', validUntil: 'Válido hasta', validUntilHint: 'Vacío: la validez más larga que permite el tipo de documento.',
    box3: 'Casilla 3: importador', box4: 'Casilla 4: exportador / reexportador', name: 'Nombre', address: 'Dirección', country: 'País', choose: '— elegir —',
    box5: 'Casilla 5: condiciones especiales', specialConditions: 'Condiciones especiales', conditionsHint: 'Una condición por línea.',
    box5a: 'Casilla 5a: propósito de la transacción', purpose: 'Propósito',
    box5b: 'Casilla 5b: sello de seguridad', securityStamp: 'Número del sello de seguridad',
    box6: 'Permiso de importación (Apéndice I, art. III(2)(d))', importPermit: 'Permiso de importación', importPermitNumber: 'Número del permiso de importación', importPermitIssuer: 'Autoridad emisora (DID)', importPermitCountry: 'País del permiso de importación', importPermitDate: 'Fecha del permiso de importación',
    sep: ': ', block: (l) => `Bloque ${l}`,
    box7: 'Casilla 7: nombre científico', box8: 'Casilla 8: nombre común', box9: 'Casilla 9: descripción', term: 'Término (casilla 9)', marks: 'Marcas de identificación',
    box10: 'Casilla 10', appendix: 'Apéndice', source: 'Origen',
    box11: 'Casilla 11', quantity: 'Cantidad', unit: 'Unidad',
    box11a: 'Casilla 11a: cupo', quotaExported: 'Exportado hasta la fecha este año', quotaAnnual: 'Cupo anual',
    box12: 'Casilla 12: país de origen', originCountry: 'País de origen', originPermit: 'Número del permiso de origen', originDate: 'Fecha del permiso de origen',
    box12a: 'Casilla 12a: país de la última reexportación', lastCountry: 'País de la última reexportación', lastCertificate: 'Número del certificado', lastDate: 'Fecha del certificado',
    box12b: 'Casilla 12b', operationNumber: 'Número del establecimiento (origen D)', acquisitionDate: 'Fecha de adquisición (origen O)',
    addBlock: 'Añadir un bloque', removeBlock: (l) => `Quitar el bloque ${l}`,
    issue: 'Expedir el permiso', issuing: 'Expidiendo…',
    summaryErrors: (n) => `${n} problema(s) que corregir antes de expedir el permiso`, summaryWarnings: (n) => `${n} advertencia(s)`,
    errorLabel: 'Error', warningLabel: 'Advertencia', refused: 'El agente rechazó la solicitud',
    drafts: 'Borradores', draftName: 'Nombre del borrador', saveDraft: 'Guardar borrador', openDraft: 'Abrir borrador', deleteDraft: 'Borrar borrador', draftSaved: (n) => `Borrador «${n}» guardado.`, draftRefused: 'No se pudo guardar, abrir ni borrar el borrador. Vuelva a intentarlo.', noDrafts: 'Aún no hay borradores.', draftsLocal: 'El agente guarda los borradores, para todos los oficiales de permisos, hasta que se borren.',
    startFrom: 'Partir de un permiso existente', permitNumber: 'Número del permiso', copy: 'Copiar sus casillas', copied: (n) => `Se copiaron las casillas de ${n}; revíselas antes de expedir.`, notFound: (n) => `No se encontró ningún permiso con el número ${n}.`,
    holder: 'El titular', holderEmail: 'Correo del titular (enviar el enlace del permiso)',
    holderEmailHint: 'Opcional. El comerciante recibe un enlace al permiso, su PDF y la credencial firmada.', holderLanguage: 'Idioma del correo',
    previewPdf: 'Vista previa PDF', previewing: 'Preparando la vista previa…', previewLang: 'Idioma de la vista previa',
    previewReady: 'Se descargó la vista previa en PDF. No es un permiso: no tiene número ni código QR, y no se expidió nada.', previewAgain: 'Descargar de nuevo la vista previa', previewFailed: 'No se pudo hacer la vista previa. Vuelva a intentarlo.',
    replacement: (n) => `Reemplazo del permiso ${n}`, willReplace: (n) => `Este permiso reemplazará a ${n}; ${n} se revocará cuando se expida el nuevo.`,
    replaceReason: 'Motivo del reemplazo (se imprime en la casilla 5)', notReplacing: 'Expedir en su lugar un permiso nuevo, sin reemplazo',
    replaceRefused: {
      REPLACED_PERMIT_UNKNOWN: (n) => `Esta autoridad no expidió ningún permiso con el número ${n}: no se puede reemplazar.`,
      REPLACED_PERMIT_REVOKED: (n) => `El permiso ${n} ya está revocado: no se puede reemplazar.`,
      REPLACED_PERMIT_USED: (n) => `El permiso ${n} ya se utilizó para un envío: no se puede reemplazar.`,
    },
  },
};
