/**
 * The customs screen's words in English, French and Spanish (issue 11 §4). The refusal codes'
 * English texts are src/codes.ts's own (shared, never copied); French and Spanish are given
 * here per code, and a code without a translation shows its English text marked lang="en".
 */
import type { Messages } from '../../i18n.js';

export interface CustomsText {
  title: string;
  intro: string;
  scan: string;
  stopCamera: string;
  cameraHint: string;
  cameraFailed: string;
  pasteLabel: string;
  pasteHint: string;
  verify: string;
  verifying: string;
  scanAnother: string;
  checks: string;
  passed: string;
  failed: string;
  endorseTitle: string;
  endorseIntro: string;
  importTitle: string;
  importIntro: string;
  /** "Block A — Phalaenopsis amabilis (permitted 1,200 NAR)": the quantity field's label. */
  quantityLabel: string;
  portOfExport: string;
  portOfImport: string;
  portHint: string;
  date: string;
  transportDocument: string;
  transportHint: string;
  endorse: string;
  endorsing: string;
  confirmImport: string;
  confirming: string;
  endorsed: string;
  importConfirmed: string;
  refused: string;
  network: string;
  notOwnNoImport: string;
}

export const CUSTOMS_MESSAGES: Messages<CustomsText> = {
  en: {
    title: 'Customs: scan and endorse',
    intro: 'Scan the QR code printed on the permit. The verdict is the same as on the public verifier page.',
    scan: 'Scan with camera',
    stopCamera: 'Stop camera',
    cameraHint: 'Hold the QR code so that it fills the frame.',
    cameraFailed: 'The camera could not be opened. Allow the camera, or paste the code below.',
    pasteLabel: 'Or paste the permit code or link',
    pasteHint: 'The text of the QR code, a verifier link or the permit JWT.',
    verify: 'Verify',
    verifying: 'Verifying…',
    scanAnother: 'Scan another permit',
    checks: 'Checks',
    passed: 'passed',
    failed: 'failed',
    endorseTitle: 'Endorse the export (boxes 14 and 15)',
    endorseIntro: 'Give the quantity that leaves for each block (0 for a block not shipped). Submitting signs the endorsement.',
    importTitle: 'Confirm the import',
    importIntro: 'This permit was issued by another country. Give the quantity that arrived for each block (0 for a block of which nothing arrived).',
    quantityLabel: 'Block {block} — {species}: quantity (permitted {permitted})',
    portOfExport: 'Port of export (UN/LOCODE)',
    portOfImport: 'Port of import (UN/LOCODE)',
    portHint: 'Five letters, starting with {country}, for example {example}.',
    date: 'Date',
    transportDocument: 'Transport document number',
    transportHint: 'Bill of lading or air waybill number.',
    endorse: 'Sign the endorsement',
    endorsing: 'Signing…',
    confirmImport: 'Sign the import confirmation',
    confirming: 'Signing…',
    endorsed: 'Endorsed: permit {number} is endorsed for this shipment.',
    importConfirmed: 'Import confirmed for permit {number}.',
    refused: 'Refused:',
    network: 'The agent could not be reached. Nothing was signed; try again.',
    notOwnNoImport: 'This permit is not for an import into this country, so it can be neither endorsed nor confirmed here.',
  },
  fr: {
    title: 'Douane\u00a0: scanner et viser',
    intro: 'Scannez le code QR imprimé sur le permis. Le verdict est le même que sur la page publique de vérification.',
    scan: 'Scanner avec la caméra',
    stopCamera: 'Arrêter la caméra',
    cameraHint: 'Tenez le code QR de façon qu’il remplisse le cadre.',
    cameraFailed: 'La caméra n’a pas pu être ouverte. Autorisez la caméra, ou collez le code ci-dessous.',
    pasteLabel: 'Ou collez le code ou le lien du permis',
    pasteHint: 'Le texte du code QR, un lien de vérification ou le JWT du permis.',
    verify: 'Vérifier',
    verifying: 'Vérification…',
    scanAnother: 'Scanner un autre permis',
    checks: 'Contrôles',
    passed: 'réussi',
    failed: 'échoué',
    endorseTitle: 'Viser l’exportation (cases 14 et 15)',
    endorseIntro: 'Indiquez la quantité qui part pour chaque bloc (0 pour un bloc non expédié). L’envoi signe le visa.',
    importTitle: 'Confirmer l’importation',
    importIntro: 'Ce permis a été délivré par un autre pays. Indiquez la quantité arrivée pour chaque bloc (0 pour un bloc dont rien n’est arrivé).',
    quantityLabel: 'Bloc {block} — {species}\u00a0: quantité (autorisé {permitted})',
    portOfExport: 'Port d’exportation (UN/LOCODE)',
    portOfImport: 'Port d’importation (UN/LOCODE)',
    portHint: 'Cinq lettres, commençant par {country}, par exemple {example}.',
    date: 'Date',
    transportDocument: 'Numéro du document de transport',
    transportHint: 'Numéro du connaissement ou de la lettre de transport aérien.',
    endorse: 'Signer le visa',
    endorsing: 'Signature…',
    confirmImport: 'Signer la confirmation d’importation',
    confirming: 'Signature…',
    endorsed: 'Visé\u00a0: le permis {number} est visé pour cet envoi.',
    importConfirmed: 'Importation confirmée pour le permis {number}.',
    refused: 'Refusé\u00a0:',
    network: 'L’agent est injoignable. Rien n’a été signé\u00a0; réessayez.',
    notOwnNoImport: 'Ce permis ne concerne pas une importation dans ce pays\u00a0: il ne peut être ni visé ni confirmé ici.',
  },
  es: {
    title: 'Aduana: escanear y refrendar',
    intro: 'Escanee el código QR impreso en el permiso. El veredicto es el mismo que en la página pública de verificación.',
    scan: 'Escanear con la cámara',
    stopCamera: 'Detener la cámara',
    cameraHint: 'Sostenga el código QR de modo que llene el recuadro.',
    cameraFailed: 'No se pudo abrir la cámara. Permita la cámara o pegue el código abajo.',
    pasteLabel: 'O pegue el código o el enlace del permiso',
    pasteHint: 'El texto del código QR, un enlace de verificación o el JWT del permiso.',
    verify: 'Verificar',
    verifying: 'Verificando…',
    scanAnother: 'Escanear otro permiso',
    checks: 'Comprobaciones',
    passed: 'superada',
    failed: 'fallida',
    endorseTitle: 'Refrendar la exportación (casillas 14 y 15)',
    endorseIntro: 'Indique la cantidad que sale de cada bloque (0 para un bloque no enviado). Al enviar se firma el refrendo.',
    importTitle: 'Confirmar la importación',
    importIntro: 'Este permiso lo expidió otro país. Indique la cantidad llegada de cada bloque (0 para un bloque del que no llegó nada).',
    quantityLabel: 'Bloque {block} — {species}: cantidad (autorizado {permitted})',
    portOfExport: 'Puerto de exportación (UN/LOCODE)',
    portOfImport: 'Puerto de importación (UN/LOCODE)',
    portHint: 'Cinco letras, empezando por {country}, por ejemplo {example}.',
    date: 'Fecha',
    transportDocument: 'Número del documento de transporte',
    transportHint: 'Número del conocimiento de embarque o de la guía aérea.',
    endorse: 'Firmar el refrendo',
    endorsing: 'Firmando…',
    confirmImport: 'Firmar la confirmación de importación',
    confirming: 'Firmando…',
    endorsed: 'Refrendado: el permiso {number} está refrendado para este envío.',
    importConfirmed: 'Importación confirmada para el permiso {number}.',
    refused: 'Rechazado:',
    network: 'No se pudo contactar con el agente. No se firmó nada; inténtelo de nuevo.',
    notOwnNoImport: 'Este permiso no es para una importación en este país: aquí no puede refrendarse ni confirmarse.',
  },
};

/** French and Spanish for the refusal codes of src/codes.ts (LIFECYCLE_CODES and the import confirmation's). */
export const CODE_TEXT: { fr: Record<string, string>; es: Record<string, string> } = {
  fr: {
    NOT_OWN_PERMIT: 'Cette autorité n’a pas délivré de permis portant ce numéro.',
    PERMIT_REVOKED: 'Le permis a été annulé (révoqué).',
    PERMIT_SUSPENDED: 'Le permis est suspendu.',
    PERMIT_EXPIRED: 'Le permis a expiré.',
    NOT_EXPORT_DOCUMENT: 'Seuls les documents d’exportation et de réexportation (et les certificats utilisés pour l’exportation) sont visés à l’exportation.',
    ALREADY_ENDORSED: 'Le permis a déjà été visé pour un envoi\u00a0; un permis ne couvre qu’un seul envoi (Art. VI(5)).',
    UNKNOWN_BLOCK: 'Le permis n’a pas ce bloc.',
    BLOCK_MISSING: 'Chaque bloc du permis doit être indiqué, avec 0 pour un bloc non expédié.',
    DUPLICATE_BLOCK: 'Un bloc est indiqué deux fois.',
    QUANTITY_EXCEEDED: 'La quantité exportée dépasse ce que le permis autorise pour ce bloc.',
    UNIT_MISMATCH: 'L’unité diffère de celle du permis.',
    NOTHING_EXPORTED: 'Toutes les quantités sont à 0\u00a0: rien n’a été exporté, il n’y a donc rien à viser.',
    PORT_NOT_DOMESTIC: 'Le port d’exportation doit se trouver dans le pays de l’autorité émettrice.',
    DATE_IN_FUTURE: 'La date est dans le futur.',
    DATE_BEFORE_ISSUE: 'La date est antérieure à la délivrance du permis.',
    FIELD_REQUIRED: 'Un champ obligatoire manque.',
    FIELD_INVALID: 'Le champ a un type ou un format incorrect.',
    FIELD_UNKNOWN: 'Ce champ n’est pas attendu ici.',
    EXPORTED_QUANTITY_TOO_LARGE: 'La quantité exportée dépasse ce qu’un permis peut indiquer.',
    EXPORTED_QUANTITY_TOO_PRECISE: 'La quantité exportée a plus de décimales qu’un permis n’en indique.',
    EXPORTED_QUANTITY_NOT_WHOLE: 'Un nombre de spécimens exportés doit être un nombre entier.',
    IMPORT_PERMIT_UNKNOWN: 'Aucun permis portant ce numéro de cette autorité émettrice n’est parvenu ici comme importation attendue\u00a0: son importation ne peut pas être confirmée.',
    IMPORT_ALREADY_CONFIRMED: 'L’importation sous ce permis a déjà été confirmée\u00a0; un permis ne couvre qu’un seul envoi (Art. VI(5)).',
    IMPORT_QUANTITY_ABOVE_EXPORTED: 'La quantité déclarée importée dépasse celle que la douane du pays d’exportation a visée pour ce bloc.',
    IMPORT_NOTHING_IMPORTED: 'Toutes les quantités sont à 0\u00a0: rien n’est arrivé, il n’y a donc pas d’importation à confirmer.',
    IMPORT_PORT_NOT_DOMESTIC: 'Le port d’importation doit se trouver dans le pays de cette autorité.',
  },
  es: {
    NOT_OWN_PERMIT: 'Esta autoridad no expidió ningún permiso con este número.',
    PERMIT_REVOKED: 'El permiso ha sido anulado (revocado).',
    PERMIT_SUSPENDED: 'El permiso está suspendido.',
    PERMIT_EXPIRED: 'El permiso ha caducado.',
    NOT_EXPORT_DOCUMENT: 'Solo los documentos de exportación y reexportación (y los certificados usados para exportar) se refrendan en la exportación.',
    ALREADY_ENDORSED: 'El permiso ya fue refrendado para un envío; un permiso cubre un solo envío (Art. VI(5)).',
    UNKNOWN_BLOCK: 'El permiso no tiene ese bloque.',
    BLOCK_MISSING: 'Debe indicarse cada bloque del permiso, con 0 para un bloque no enviado.',
    DUPLICATE_BLOCK: 'Un bloque se indica dos veces.',
    QUANTITY_EXCEEDED: 'La cantidad exportada supera lo que el permiso autoriza para este bloque.',
    UNIT_MISMATCH: 'La unidad difiere de la del permiso.',
    NOTHING_EXPORTED: 'Todas las cantidades son 0: no se exportó nada, así que no hay nada que refrendar.',
    PORT_NOT_DOMESTIC: 'El puerto de exportación debe estar en el país de la autoridad emisora.',
    DATE_IN_FUTURE: 'La fecha está en el futuro.',
    DATE_BEFORE_ISSUE: 'La fecha es anterior a la expedición del permiso.',
    FIELD_REQUIRED: 'Falta un campo obligatorio.',
    FIELD_INVALID: 'El campo tiene un tipo o formato incorrecto.',
    FIELD_UNKNOWN: 'Este campo no se espera aquí.',
    EXPORTED_QUANTITY_TOO_LARGE: 'La cantidad exportada es mayor de lo que un permiso puede indicar.',
    EXPORTED_QUANTITY_TOO_PRECISE: 'La cantidad exportada tiene más decimales de los que indica un permiso.',
    EXPORTED_QUANTITY_NOT_WHOLE: 'Un número de especímenes exportados debe ser un número entero.',
    IMPORT_PERMIT_UNKNOWN: 'Ningún permiso con este número de esta autoridad emisora ha llegado aquí como importación esperada, así que su importación no puede confirmarse.',
    IMPORT_ALREADY_CONFIRMED: 'La importación con este permiso ya fue confirmada; un permiso cubre un solo envío (Art. VI(5)).',
    IMPORT_QUANTITY_ABOVE_EXPORTED: 'Se declara importado más de lo que la aduana del país de exportación refrendó como exportado para este bloque.',
    IMPORT_NOTHING_IMPORTED: 'Todas las cantidades son 0: no llegó nada, así que no hay importación que confirmar.',
    IMPORT_PORT_NOT_DOMESTIC: 'El puerto de importación debe estar en el país de esta autoridad.',
  },
};
