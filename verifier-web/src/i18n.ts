/**
 * The page's words in English, French and Spanish: UI labels, check names, the
 * verification codes' messages and the boxes of the CITES permit form. The verdicts' words
 * are in verdict-texts.ts, the checks' details in check-details.ts. Pure data and functions: no DOM.
 */
import { SHOWN_CODES, type ShownCode } from '../../src/codes.js';
import type { CheckName } from '../../src/verify/index.js';
import { LINKED_CHECK_NAME, LINKED_CODE_TEXT } from './linked-texts.js';

export const LANGS = ['en', 'fr', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français', es: 'Español' };

export interface UiText {
  title: string;
  intro: string;
  language: string;
  scan: string;
  stopScan: string;
  scanHint: string;
  scanning: string;
  cameraUnavailable: string;
  photo: string;
  readingImage: string;
  noCodeInImage: string;
  imageUnreadable: string;
  pasteLabel: string;
  verify: string;
  askWallet: string;
  /** "Ask a wallet on a phone" (cross-device, docs/oid4vp.md): the button, the panel with the QR code, its states. */
  askWalletPhone: string;
  crossDeviceHint: string;
  crossDeviceQrAlt: string;
  crossDeviceLink: string;
  crossDeviceWaiting: string;
  crossDeviceCancel: string;
  crossDeviceCancelled: string;
  crossDeviceUnavailable: string;
  verifying: string;
  emptyInput: string;
  checks: string;
  permitHeading: string;
  box: string;
  block: string;
  permitted: string;
  exported: string;
  /** Issue 9: what the importing country's customs confirmed as arrived. */
  imported: string;
  notImported: string;
  notEndorsed: string;
  useUnknown: string;
  endorsementSection: string;
  passed: string;
  failed: string;
  englishOnly: string;
  ruleErrors: string;
  ruleWarnings: string;
  permitNumber: string;
  issuedBy: string;
  validUntil: string;
  reason: string;
  replacedBy: string;
  usedOn: string;
  endorsedBy: string;
  portOfExport: string;
  date: string;
  officer: string;
  trustFromNetwork: string;
  trustFromCache: string;
  trustFromFallback: string;
  trustUnavailable: string;
  didFromCache: string;
  offline: string;
  configMissing: string;
  yes: string;
  checkNames: Record<CheckName, string>;
  documentTypes: Record<string, string>;
  revocationReasons: Record<string, string>;
  boxes: Record<BoxKey, string>;
  age: { min: string; h: string; d: string; now: string };
}

export type BoxKey =
  | '1' | '2' | '3' | '3a' | '4' | '5' | '5a' | '5b' | '6' | '7' | '8' | '9' | 'term' | 'marks' | '10' | 'source' | '11' | '11a'
  | '12' | '12a' | '12b' | '13' | '14' | '15' | 'importPermit' | 'replaces' | 'otherType';

const en: UiText = {
  title: 'CITES permit verifier',
  intro: 'Check a CITES permit or certificate: scan its QR code, choose a photo of the code, or paste its link.',
  language: 'Language',
  scan: 'Scan with camera',
  stopScan: 'Stop camera',
  scanHint: 'Hold the QR code close, so that it fills the frame.',
  scanning: 'Looking for a QR code…',
  cameraUnavailable: 'The camera could not be started ({reason}). Allow camera access, or choose a photo of the code, or paste its link.',
  photo: 'Choose a photo of the QR code',
  readingImage: 'Reading the photo…',
  noCodeInImage: 'No QR code was found in this image. Try a sharper photo in which the code fills most of the picture.',
  imageUnreadable: 'This file could not be opened as an image.',
  pasteLabel: 'Or paste the link, the code text or the signed permit (JWT)',
  verify: 'Verify',
  askWallet: 'Ask a wallet',
  askWalletPhone: 'Ask a wallet on a phone',
  crossDeviceHint: 'Scan this code with the wallet app of the phone, or open the link in a wallet on this device.',
  crossDeviceQrAlt: 'QR code of the request for a permit, for a wallet app to scan',
  crossDeviceLink: 'Open the request in a wallet',
  crossDeviceWaiting: 'Waiting for the wallet…',
  crossDeviceCancel: 'Cancel',
  crossDeviceCancelled: 'The request to the wallet was cancelled.',
  crossDeviceUnavailable: 'A wallet on a phone cannot be asked from this page: {detail}',
  verifying: 'Verifying…',
  emptyInput: 'Paste a link, a code or a permit first.',
  checks: 'Checks',
  permitHeading: 'The permit, box by box',
  box: 'Box',
  block: 'Block',
  permitted: 'Permitted',
  exported: 'Exported (endorsed by customs)',
  imported: 'Imported (confirmed by customs of the importing country)',
  notImported: 'not confirmed',
  notEndorsed: 'not endorsed',
  useUnknown: 'unknown: the public record could not be read or is not genuine',
  endorsementSection: 'Export endorsement (boxes 14 and 15)',
  passed: 'passed',
  failed: 'failed',
  englishOnly: 'Details (in English):',
  ruleErrors: 'Rules broken',
  ruleWarnings: 'Warnings',
  permitNumber: 'Permit {number}',
  issuedBy: 'issued by {authority}',
  validUntil: 'Valid until {date}.',
  reason: 'Reason: {reason}.',
  replacedBy: 'Replaced by permit {number}.',
  usedOn: 'Endorsed for export on {date} at {port} by {authority}.',
  endorsedBy: 'Endorsed by',
  portOfExport: 'Port of export',
  date: 'Date',
  officer: 'Officer',
  trustFromNetwork: 'Trusted authorities: “{name}”, version {version}, fetched now.',
  trustFromCache: 'Trust list from cache, {age} old (“{name}”, version {version}).',
  trustFromFallback: 'Trust list: the copy built into this page (“{name}”, version {version}), because the current one could not be fetched.',
  trustUnavailable: 'No valid list of trusted authorities could be loaded, so no permit can be checked. {detail}',
  didFromCache: 'Public keys of {did} from cache, {age} old.',
  offline: 'Offline: the network or the issuing authority could not be reached.',
  configMissing: 'This page is not configured (config.json could not be read): {detail}',
  yes: 'yes',
  checkNames: {
    format: 'Document format',
    algorithm: 'Signature method',
    trust: 'Trusted authority',
    issuer: "Authority's public keys",
    signature: 'Signature',
    validity: 'Validity dates',
    permit: 'CITES permit rules',
    status: 'Cancellation and suspension',
    endorsement: 'Use for export (customs endorsement)',
    linkedPermits: LINKED_CHECK_NAME.en,
    presentation: 'Wallet presentation',
    holder: 'Holder',
    import: 'Import (confirmed by the importing country)',
  },
  documentTypes: { export: 'Export permit', 're-export': 'Re-export certificate', import: 'Import permit', other: 'Other' },
  revocationReasons: {
    cancelled: 'cancelled by the authority',
    lost: 'reported lost',
    stolen: 'reported stolen',
    destroyed: 'destroyed',
    replaced: 'replaced by another permit',
    fraud: 'fraud',
  },
  boxes: {
    '1': 'Permit / certificate no.',
    '2': 'Valid until',
    '3': 'Importer',
    '3a': 'Country of import',
    '4': 'Exporter / re-exporter',
    '5': 'Special conditions',
    '5a': 'Purpose of the transaction',
    '5b': 'Security stamp no.',
    '6': 'Management Authority',
    '7': 'Scientific name',
    '8': 'Common name',
    '9': 'Description of specimens',
    term: 'Type of specimen',
    marks: 'Identifying marks',
    '10': 'Appendix',
    source: 'Source',
    '11': 'Quantity',
    '11a': 'Exported so far / annual quota',
    '12': 'Country of origin, permit no., date',
    '12a': 'Country of last re-export, certificate no., date',
    '12b': 'Operation no. or date of acquisition',
    '13': 'Issued (place, date, signatory)',
    '14': 'Export endorsement',
    '15': 'Bill of lading / air waybill no.',
    importPermit: 'Import permit relied on',
    replaces: 'Replaces permit',
    otherType: 'Document type',
  },
  age: { min: '{n} min', h: '{n} h', d: '{n} d', now: 'less than a minute' },
};

// French: a no-break space (\u00a0) before ":", inside « » and between a number and its unit,
// as French typography wants; terms as on the French form (organe de gestion, case, bloc).
const fr: UiText = {
  title: 'Vérification des permis CITES',
  intro: 'Vérifiez un permis ou un certificat CITES\u00a0: scannez son code QR, choisissez une photo du code ou collez son lien.',
  language: 'Langue',
  scan: 'Scanner avec la caméra',
  stopScan: 'Arrêter la caméra',
  scanHint: 'Approchez le code QR pour qu’il remplisse le cadre.',
  scanning: 'Recherche d’un code QR…',
  cameraUnavailable: 'Impossible de démarrer la caméra ({reason}). Autorisez l’accès à la caméra, choisissez une photo du code ou collez son lien.',
  photo: 'Choisir une photo du code QR',
  readingImage: 'Lecture de la photo…',
  noCodeInImage: 'Aucun code QR n’a été trouvé dans cette image. Essayez une photo plus nette, où le code occupe la plus grande partie de l’image.',
  imageUnreadable: 'Impossible d’ouvrir ce fichier en tant qu’image.',
  pasteLabel: 'Ou collez le lien, le texte du code ou le permis signé (JWT)',
  verify: 'Vérifier',
  askWallet: 'Demander à un portefeuille',
  askWalletPhone: 'Demander à un portefeuille sur un téléphone',
  crossDeviceHint: 'Scannez ce code avec l’application portefeuille du téléphone, ou ouvrez le lien dans un portefeuille sur cet appareil.',
  crossDeviceQrAlt: 'Code QR de la demande de permis, à scanner avec une application portefeuille',
  crossDeviceLink: 'Ouvrir la demande dans un portefeuille',
  crossDeviceWaiting: 'En attente du portefeuille…',
  crossDeviceCancel: 'Annuler',
  crossDeviceCancelled: 'La demande au portefeuille a été annulée.',
  crossDeviceUnavailable: 'Impossible de demander à un portefeuille sur un téléphone depuis cette page\u00a0: {detail}',
  verifying: 'Vérification en cours…',
  emptyInput: 'Collez d’abord un lien, un code ou un permis.',
  checks: 'Contrôles',
  permitHeading: 'Le permis, case par case',
  box: 'Case',
  block: 'Bloc',
  permitted: 'Autorisé',
  exported: 'Exporté (visé par la douane)',
  imported: 'Importé (confirmé par la douane du pays d’importation)',
  notImported: 'non confirmé',
  notEndorsed: 'non visé',
  useUnknown: 'inconnu\u00a0: le registre public n’a pas pu être lu ou n’est pas authentique',
  endorsementSection: 'Approbation de l’exportation (cases 14 et 15)',
  passed: 'conforme',
  failed: 'non conforme',
  englishOnly: 'Détails (en anglais)\u00a0:',
  ruleErrors: 'Règles non respectées',
  ruleWarnings: 'Avertissements',
  permitNumber: 'Permis {number}',
  issuedBy: 'délivré par {authority}',
  validUntil: 'Valable jusqu’au {date}.',
  reason: 'Motif\u00a0: {reason}.',
  replacedBy: 'Remplacé par le permis {number}.',
  usedOn: 'Visé à l’exportation le {date} à {port} par {authority}.',
  endorsedBy: 'Visé par',
  portOfExport: 'Port d’exportation',
  date: 'Date',
  officer: 'Agent',
  trustFromNetwork: 'Liste des autorités de confiance\u00a0: «\u00a0{name}\u00a0», version {version}, chargée à l’instant.',
  trustFromCache: 'Liste des autorités de confiance mise en cache il y a {age} («\u00a0{name}\u00a0», version {version}).',
  trustFromFallback: 'Liste des autorités de confiance\u00a0: copie intégrée à cette page («\u00a0{name}\u00a0», version {version}), car la liste actuelle n’a pas pu être chargée.',
  trustUnavailable: 'Aucune liste valable d’autorités de confiance n’a pu être chargée\u00a0: aucun permis ne peut donc être vérifié. {detail}',
  didFromCache: 'Clés publiques de {did} mises en cache il y a {age}.',
  offline: 'Hors ligne\u00a0: le réseau ou l’autorité émettrice est injoignable.',
  configMissing: 'Cette page n’est pas configurée (config.json illisible)\u00a0: {detail}',
  yes: 'oui',
  checkNames: {
    format: 'Format du document',
    algorithm: 'Méthode de signature',
    trust: 'Autorité de confiance',
    issuer: 'Clés publiques de l’autorité',
    signature: 'Signature',
    validity: 'Période de validité',
    permit: 'Règles des permis CITES',
    status: 'Annulation et suspension',
    endorsement: 'Utilisation pour l’exportation (visa de la douane)',
    linkedPermits: LINKED_CHECK_NAME.fr,
    presentation: 'Présentation du portefeuille',
    holder: 'Titulaire',
    import: 'Importation (confirmée par le pays d’importation)',
  },
  documentTypes: { export: 'Permis d’exportation', 're-export': 'Certificat de réexportation', import: 'Permis d’importation', other: 'Autre' },
  revocationReasons: {
    cancelled: 'annulé par l’autorité émettrice',
    lost: 'déclaré perdu',
    stolen: 'déclaré volé',
    destroyed: 'détruit',
    replaced: 'remplacé par un autre permis',
    fraud: 'fraude',
  },
  boxes: {
    '1': 'Permis / certificat no',
    '2': 'Valable jusqu’au',
    '3': 'Importateur',
    '3a': 'Pays d’importation',
    '4': 'Exportateur / réexportateur',
    '5': 'Conditions particulières',
    '5a': 'But de la transaction',
    '5b': 'Timbre de sécurité no',
    '6': 'Organe de gestion',
    '7': 'Nom scientifique',
    '8': 'Nom commun',
    '9': 'Description des spécimens',
    term: 'Type de spécimen',
    marks: 'Marques d’identification',
    '10': 'Annexe',
    source: 'Source',
    '11': 'Quantité',
    '11a': 'Total exporté / quota annuel',
    '12': 'Pays d’origine, permis no, date',
    '12a': 'Pays de la dernière réexportation, certificat no, date',
    '12b': 'No de l’établissement ou date d’acquisition',
    '13': 'Délivré (lieu, date, signataire)',
    '14': 'Approbation de l’exportation',
    '15': 'Connaissement / lettre de transport aérien no',
    importPermit: 'Permis d’importation préalable',
    replaces: 'Remplace le permis',
    otherType: 'Type de document',
  },
  age: { min: '{n}\u00a0min', h: '{n}\u00a0h', d: '{n}\u00a0j', now: 'moins d’une minute' },
};

// Spanish: usted throughout; terms as on the Spanish form (Autoridad Administrativa, casilla).
const es: UiText = {
  title: 'Verificación de permisos CITES',
  intro: 'Verifique un permiso o certificado CITES: escanee su código QR, elija una foto del código o pegue su enlace.',
  language: 'Idioma',
  scan: 'Escanear con la cámara',
  stopScan: 'Detener la cámara',
  scanHint: 'Acerque el código QR para que ocupe todo el recuadro.',
  scanning: 'Buscando un código QR…',
  cameraUnavailable: 'No se pudo iniciar la cámara ({reason}). Permita el acceso a la cámara, elija una foto del código o pegue su enlace.',
  photo: 'Elegir una foto del código QR',
  readingImage: 'Leyendo la foto…',
  noCodeInImage: 'No se encontró ningún código QR en esta imagen. Pruebe con una foto más nítida en la que el código ocupe casi toda la imagen.',
  imageUnreadable: 'No se pudo abrir este archivo como imagen.',
  pasteLabel: 'O pegue el enlace, el texto del código o el permiso firmado (JWT)',
  verify: 'Verificar',
  askWallet: 'Pedir a una cartera',
  askWalletPhone: 'Pedir a una cartera en un teléfono',
  crossDeviceHint: 'Escanee este código con la aplicación de cartera del teléfono, o abra el enlace en una cartera de este dispositivo.',
  crossDeviceQrAlt: 'Código QR de la solicitud del permiso, para escanearlo con una aplicación de cartera',
  crossDeviceLink: 'Abrir la solicitud en una cartera',
  crossDeviceWaiting: 'Esperando a la cartera…',
  crossDeviceCancel: 'Cancelar',
  crossDeviceCancelled: 'Se canceló la solicitud a la cartera.',
  crossDeviceUnavailable: 'Desde esta página no se puede pedir a una cartera en un teléfono: {detail}',
  verifying: 'Verificando…',
  emptyInput: 'Pegue primero un enlace, un código o un permiso.',
  checks: 'Comprobaciones',
  permitHeading: 'El permiso, casilla por casilla',
  box: 'Casilla',
  block: 'Bloque',
  permitted: 'Autorizado',
  exported: 'Exportado (refrendado por la aduana)',
  imported: 'Importado (confirmado por la aduana del país de importación)',
  notImported: 'no confirmado',
  notEndorsed: 'sin refrendo',
  useUnknown: 'desconocido: no se pudo leer el registro público o no es auténtico',
  endorsementSection: 'Aprobación de la exportación (casillas 14 y 15)',
  passed: 'conforme',
  failed: 'no conforme',
  englishOnly: 'Detalles (en inglés):',
  ruleErrors: 'Normas incumplidas',
  ruleWarnings: 'Advertencias',
  permitNumber: 'Permiso {number}',
  issuedBy: 'expedido por {authority}',
  validUntil: 'Válido hasta el {date}.',
  reason: 'Motivo: {reason}.',
  replacedBy: 'Sustituido por el permiso {number}.',
  usedOn: 'Refrendado para la exportación el {date} en {port} por {authority}.',
  endorsedBy: 'Refrendado por',
  portOfExport: 'Puerto de exportación',
  date: 'Fecha',
  officer: 'Funcionario',
  trustFromNetwork: 'Lista de autoridades de confianza: «{name}», versión {version}, obtenida ahora mismo.',
  trustFromCache: 'Lista de autoridades de confianza guardada en caché hace {age} («{name}», versión {version}).',
  trustFromFallback: 'Lista de autoridades de confianza: la copia incluida en esta página («{name}», versión {version}), porque no se pudo obtener la actual.',
  trustUnavailable: 'No se pudo cargar ninguna lista válida de autoridades de confianza, por lo que no se puede comprobar ningún permiso. {detail}',
  didFromCache: 'Claves públicas de {did} guardadas en caché hace {age}.',
  offline: 'Sin conexión: no se pudo acceder a la red o a la autoridad emisora.',
  configMissing: 'Esta página no está configurada (no se pudo leer config.json): {detail}',
  yes: 'sí',
  checkNames: {
    format: 'Formato del documento',
    algorithm: 'Método de firma',
    trust: 'Autoridad de confianza',
    issuer: 'Claves públicas de la autoridad',
    signature: 'Firma',
    validity: 'Período de validez',
    permit: 'Normas de los permisos CITES',
    status: 'Anulación y suspensión',
    endorsement: 'Uso para la exportación (refrendo de la aduana)',
    linkedPermits: LINKED_CHECK_NAME.es,
    presentation: 'Presentación de la cartera',
    holder: 'Titular',
    import: 'Importación (confirmada por el país de importación)',
  },
  documentTypes: { export: 'Permiso de exportación', 're-export': 'Certificado de reexportación', import: 'Permiso de importación', other: 'Otro' },
  revocationReasons: {
    cancelled: 'anulado por la autoridad emisora',
    lost: 'declarado perdido',
    stolen: 'declarado robado',
    destroyed: 'destruido',
    replaced: 'sustituido por otro permiso',
    fraud: 'fraude',
  },
  boxes: {
    '1': 'Permiso / certificado No.',
    '2': 'Válido hasta el',
    '3': 'Importador',
    '3a': 'País de importación',
    '4': 'Exportador / reexportador',
    '5': 'Condiciones especiales',
    '5a': 'Propósito de la transacción',
    '5b': 'Estampilla de seguridad No.',
    '6': 'Autoridad Administrativa',
    '7': 'Nombre científico',
    '8': 'Nombre común',
    '9': 'Descripción de los especímenes',
    term: 'Tipo de espécimen',
    marks: 'Marcas de identificación',
    '10': 'Apéndice',
    source: 'Origen',
    '11': 'Cantidad',
    '11a': 'Total exportado / cupo anual',
    '12': 'País de origen, permiso No., fecha',
    '12a': 'País de la última reexportación, certificado No., fecha',
    '12b': 'No. del establecimiento o fecha de adquisición',
    '13': 'Expedido (lugar, fecha, firmante)',
    '14': 'Aprobación de la exportación',
    '15': 'Conocimiento de embarque / carta de porte aéreo No.',
    importPermit: 'Permiso de importación previo',
    replaces: 'Sustituye al permiso',
    otherType: 'Tipo de documento',
  },
  age: { min: '{n}\u00a0min', h: '{n}\u00a0h', d: '{n}\u00a0d', now: 'menos de un minuto' },
};

export const UI: Record<Lang, UiText> = { en, fr, es };

/**
 * Messages of every code the page shows (src/codes.ts `SHOWN_CODES`) in French and Spanish;
 * English comes from src/codes.ts. Typed by code: a code without its French or Spanish text
 * fails the build.
 */
const CODE_TEXT: Record<'fr' | 'es', Record<ShownCode, string>> = {
  fr: {
    OK: 'Le contrôle est conforme.',
    MALFORMED: 'Ce n’est pas un document signé lisible\u00a0: le texte est endommagé ou incomplet.',
    NOT_A_PERMIT: 'C’est un document signé, mais pas un permis ni un certificat CITES.',
    ALG_NOT_ALLOWED: 'Le document utilise une méthode de signature qui n’est pas acceptée.',
    ISSUER_UNRESOLVABLE: 'Les clés publiques de l’autorité émettrice n’ont pas pu être obtenues\u00a0: la signature ne peut pas être vérifiée.',
    SIGNATURE_INVALID: 'La signature ne correspond pas\u00a0: le document a été modifié ou n’a pas été signé par l’autorité qui y est indiquée.',
    SIGNING_KEY_UNKNOWN: 'Le document indique une clé de signature que l’autorité qui y est indiquée n’a pas publiée pour délivrer des documents\u00a0: il ne peut pas être accepté.',
    ISSUER_UNTRUSTED: 'Le document n’a pas été délivré par un organe de gestion figurant sur la liste des autorités de confiance.',
    NOT_YET_VALID: 'Le document n’est pas encore valable.',
    EXPIRED: 'Le document a expiré.',
    PERMIT_INVALID: 'Le document est correctement signé, mais il ne respecte pas les règles des permis CITES.',
    NO_EXPIRY: 'Le document n’indique pas de date de fin de validité. Tout permis CITES en comporte une\u00a0: il ne peut pas être accepté.',
    REVOKED: 'L’autorité émettrice a annulé ce permis. Il ne doit pas être utilisé.',
    SUSPENDED: 'L’autorité émettrice a suspendu ce permis pour le moment. Il ne doit pas être utilisé tant qu’il est suspendu.',
    STATUS_UNAVAILABLE: 'Impossible de vérifier si le permis a été annulé ou suspendu\u00a0: l’autorité émettrice est injoignable. Ne le considérez pas comme valable tant que cette vérification n’a pas pu être faite.',
    STATUS_NOT_CHECKED: 'Seuls la signature et le contenu du permis ont été vérifiés ici, pas s’il a été annulé, suspendu ou utilisé. Vérifiez-le à nouveau avant de vous y fier.',
    STATUS_INVALID: 'La liste de statut de l’autorité émettrice n’est pas authentique ou ne correspond pas à ce permis\u00a0: le statut n’a pas pu être vérifié.',
    RECORD_UNAVAILABLE: 'Le registre public du permis (visas de la douane) n’a pas pu être lu auprès de l’autorité émettrice\u00a0: son utilisation n’a pas pu être vérifiée.',
    ENDORSEMENT_INVALID: 'Un visa de la douane porté sur ce permis n’est pas signé par une douane reconnue pour le pays émetteur, ou ne concerne pas ce permis.',
    QUANTITY_EXCEEDED: 'Un visa de la douane indique une quantité supérieure à celle que le permis autorise.',
    CONFIRMATION_INVALID: 'Une confirmation d’importation portée sur ce permis n’est pas signée par une douane ou un organe de gestion reconnus pour le pays de l’importateur, ou ne concerne pas ce permis.',
    IMPORTED_QUANTITY_EXCEEDED: 'Une confirmation d’importation indique une quantité supérieure à celle exportée (ou, sans visa d’exportation, à celle que le permis autorise).',
    RULES_UNAVAILABLE: 'Ce vérificateur n’a pas pu contrôler les règles des permis CITES\u00a0: le permis ne peut pas encore être accepté. Cela ne dit rien contre le permis\u00a0: vérifiez-le à nouveau ou avec un autre vérificateur.',
    KEY_REVOKED: 'Le document a été signé avec une clé que l’autorité émettrice avait déjà retirée. Il ne peut pas être accepté\u00a0: demandez un nouveau document à l’autorité émettrice.',
    KEY_COMPROMISED: 'Le document a été signé avec une clé que l’autorité émettrice déclare volée ou divulguée au moment de la signature. Il peut être falsifié\u00a0: ne l’acceptez pas et interrogez l’autorité émettrice.',
    QR_NOT_A_PERMIT: 'Ce code n’est pas celui d’un permis CITES\u00a0: ce n’est ni un code QR de permis, ni un lien de permis, ni un permis signé.',
    QR_UNKNOWN_VERSION: 'Ce code de permis est dans un format plus récent que ce que ce vérificateur sait lire. Rechargez ou mettez à jour la page, ou vérifiez le permis auprès de l’autorité émettrice.',
    QR_TOO_LARGE: 'Ce code contient bien plus de données qu’un permis. Il n’a pas été créé par une autorité et n’a pas été lu.',
    QR_MALFORMED: 'Ce code de permis est endommagé ou incomplet. Scannez-le à nouveau, de plus près et avec un bon éclairage\u00a0; si l’échec persiste, le code a peut-être été modifié.',
    QR_REFERENCE_MISMATCH: 'Le permis renvoyé par l’autorité émettrice n’est pas celui auquel ce code renvoie. Ne l’acceptez pas.',
    QR_EMPTY: 'Rien n’a été lu. Scannez le code QR, choisissez une photo du code, ou collez le lien ou le texte du permis.',
    QR_REFERENCE_UNAVAILABLE: 'Ce code renvoie à un permis conservé par son autorité émettrice, et le permis n’a pas pu y être obtenu (autorité injoignable ou sans réponse à temps). Ne l’acceptez pas tant qu’il n’a pas pu être vérifié.',
    TRUST_LIST_UNAVAILABLE: 'La liste des autorités de confiance n’a pas pu être chargée ou n’est pas authentique\u00a0: aucun permis ne peut être vérifié. Vérifiez la connexion et rechargez la page.',
    VERIFIER_CONFIG_INVALID: 'Ce vérificateur n’est pas configuré correctement (configuration absente ou erronée)\u00a0: aucun permis ne peut être vérifié. Prévenez son responsable.',
    ...LINKED_CODE_TEXT.fr,
    VERIFIER_FAILED: 'Le vérificateur a échoué pendant le contrôle de ce permis. Cela ne dit rien contre le permis\u00a0: vérifiez-le à nouveau ou avec un autre vérificateur.',
    PRESENTATION_MALFORMED: 'La réponse du portefeuille n’est pas une présentation signée lisible\u00a0: elle est endommagée ou incomplète.',
    PRESENTATION_ALG_NOT_ALLOWED: 'Le portefeuille a signé sa réponse avec une méthode de signature qui n’est pas acceptée.',
    PRESENTATION_HOLDER_KEY_UNKNOWN: 'La réponse du portefeuille n’indique pas une clé que ce vérificateur sait lire (une clé Ed25519 did:jwk ou did:key)\u00a0: sa signature ne peut pas être vérifiée.',
    PRESENTATION_SIGNATURE_INVALID: 'La signature de la réponse du portefeuille ne correspond pas\u00a0: elle a été modifiée ou n’a pas été signée par la clé de portefeuille qu’elle indique.',
    PRESENTATION_NONCE_MISMATCH: 'Le portefeuille a répondu à une autre demande, pas à celle faite sur cet écran. Ce peut être une réponse rejouée\u00a0: ne l’acceptez pas, redemandez.',
    PRESENTATION_AUDIENCE_MISMATCH: 'Le portefeuille a répondu à la demande d’un autre site ou vérificateur, pas de celui-ci. Ne l’acceptez pas, redemandez.',
    PRESENTATION_NOT_CURRENT: 'La réponse du portefeuille est trop ancienne ou datée dans le futur. Redemandez.',
    PRESENTATION_CREDENTIAL_COUNT: 'Le portefeuille doit montrer exactement un permis, et il n’en a montré aucun ou plusieurs. Redemandez.',
    PRESENTATION_NOT_RECEIVED: 'Aucun portefeuille n’a répondu (la demande a été annulée ou refusée, ou la réponse est illisible). Redemandez, ou scannez le code QR du permis.',
    PRESENTATION_HOLDER_MISMATCH: 'Le permis est lié à une clé de portefeuille, et le portefeuille qui l’a montré n’est pas celui-là. Ne l’acceptez pas.',
  },
  es: {
    OK: 'La comprobación es conforme.',
    MALFORMED: 'No es un documento firmado legible: el texto está dañado o incompleto.',
    NOT_A_PERMIT: 'Es un documento firmado, pero no un permiso ni un certificado CITES.',
    ALG_NOT_ALLOWED: 'El documento usa un método de firma que no se acepta.',
    ISSUER_UNRESOLVABLE: 'No se pudieron obtener las claves públicas de la autoridad emisora, por lo que no se puede comprobar la firma.',
    SIGNATURE_INVALID: 'La firma no coincide: el documento fue alterado o no lo firmó la autoridad que figura en él.',
    SIGNING_KEY_UNKNOWN: 'El documento indica una clave de firma que la autoridad que figura en él no ha publicado para expedir documentos, por lo que no puede aceptarse.',
    ISSUER_UNTRUSTED: 'El documento no fue expedido por una Autoridad Administrativa que figure en la lista de autoridades de confianza.',
    NOT_YET_VALID: 'El documento aún no es válido.',
    EXPIRED: 'El documento ha caducado.',
    PERMIT_INVALID: 'El documento está firmado correctamente, pero incumple las normas de los permisos CITES.',
    NO_EXPIRY: 'El documento no indica fecha de caducidad. Todo permiso CITES la tiene, por lo que no se puede aceptar.',
    REVOKED: 'La autoridad emisora ha anulado este permiso. No debe utilizarse.',
    SUSPENDED: 'La autoridad emisora ha suspendido este permiso temporalmente. No debe utilizarse mientras esté suspendido.',
    STATUS_UNAVAILABLE: 'No se pudo comprobar si el permiso fue anulado o suspendido: no se pudo contactar con la autoridad emisora. No lo considere válido hasta que se haya podido comprobar.',
    STATUS_NOT_CHECKED: 'Aquí solo se comprobaron la firma y el contenido del permiso, no si fue anulado, suspendido o utilizado. Compruébelo de nuevo antes de confiar en él.',
    STATUS_INVALID: 'La lista de estado de la autoridad emisora no es auténtica o no corresponde a este permiso, por lo que no se pudo comprobar el estado.',
    RECORD_UNAVAILABLE: 'No se pudo leer en la autoridad emisora el registro público del permiso (refrendos de la aduana), por lo que no se pudo comprobar su uso.',
    ENDORSEMENT_INVALID: 'Un refrendo de la aduana en este permiso no está firmado por una aduana reconocida para el país emisor, o no corresponde a este permiso.',
    QUANTITY_EXCEEDED: 'Un refrendo de la aduana registra una cantidad mayor que la que autoriza el permiso.',
    CONFIRMATION_INVALID: 'Una confirmación de importación en este permiso no está firmada por una aduana o una Autoridad Administrativa reconocidas para el país del importador, o no corresponde a este permiso.',
    IMPORTED_QUANTITY_EXCEEDED: 'Una confirmación de importación registra una cantidad mayor que la exportada (o, sin refrendo de exportación, mayor que la que autoriza el permiso).',
    RULES_UNAVAILABLE: 'Este verificador no pudo comprobar las normas de los permisos CITES, por lo que el permiso aún no puede aceptarse. Esto no dice nada contra el permiso: compruébelo de nuevo o con otro verificador.',
    KEY_REVOKED: 'El documento se firmó con una clave que la autoridad emisora ya había retirado. No puede aceptarse: solicite un nuevo documento a la autoridad emisora.',
    KEY_COMPROMISED: 'El documento se firmó con una clave que la autoridad emisora declara robada o expuesta en el momento de la firma. Puede ser falso: no lo acepte y consulte a la autoridad emisora.',
    QR_NOT_A_PERMIT: 'Este código no es el de un permiso CITES: no es un código QR de permiso, ni un enlace de permiso, ni un permiso firmado.',
    QR_UNKNOWN_VERSION: 'Este código de permiso está en un formato más reciente del que este verificador sabe leer. Recargue o actualice la página, o compruebe el permiso con la autoridad emisora.',
    QR_TOO_LARGE: 'Este código contiene muchos más datos que cualquier permiso. No lo creó una autoridad y no se leyó.',
    QR_MALFORMED: 'Este código de permiso está dañado o incompleto. Escanéelo de nuevo, más cerca y con buena luz; si sigue fallando, el código puede haber sido alterado.',
    QR_REFERENCE_MISMATCH: 'El permiso que devolvió la autoridad emisora no es el que indica este código. No lo acepte.',
    QR_EMPTY: 'No se leyó nada. Escanee el código QR, elija una foto del código o pegue el enlace o el texto del permiso.',
    QR_REFERENCE_UNAVAILABLE: 'Este código remite a un permiso que guarda su autoridad emisora, y no se pudo obtener de ella (no se pudo contactar con la autoridad o no respondió a tiempo). No lo acepte hasta que se haya podido comprobar.',
    TRUST_LIST_UNAVAILABLE: 'No se pudo cargar la lista de autoridades de confianza o no es auténtica, por lo que no se puede comprobar ningún permiso. Compruebe la conexión y recargue la página.',
    VERIFIER_CONFIG_INVALID: 'Este verificador no está bien configurado (falta la configuración o es errónea), por lo que no se puede comprobar ningún permiso. Avise a quien lo gestiona.',
    ...LINKED_CODE_TEXT.es,
    VERIFIER_FAILED: 'El verificador falló al comprobar este permiso. Esto no dice nada contra el permiso: compruébelo de nuevo o con otro verificador.',
    PRESENTATION_MALFORMED: 'La respuesta de la cartera no es una presentación firmada legible: está dañada o incompleta.',
    PRESENTATION_ALG_NOT_ALLOWED: 'La cartera firmó su respuesta con un método de firma que no se acepta.',
    PRESENTATION_HOLDER_KEY_UNKNOWN: 'La respuesta de la cartera no indica una clave que este verificador pueda leer (una clave Ed25519 did:jwk o did:key): su firma no se puede comprobar.',
    PRESENTATION_SIGNATURE_INVALID: 'La firma de la respuesta de la cartera no coincide: fue modificada o no la firmó la clave de cartera que indica.',
    PRESENTATION_NONCE_MISMATCH: 'La cartera respondió a otra solicitud, no a la hecha en esta pantalla. Puede ser una respuesta repetida: no la acepte, vuelva a pedirla.',
    PRESENTATION_AUDIENCE_MISMATCH: 'La cartera respondió a una solicitud de otro sitio web o verificador, no de este. No la acepte, vuelva a pedirla.',
    PRESENTATION_NOT_CURRENT: 'La respuesta de la cartera es demasiado antigua o tiene una fecha futura. Vuelva a pedirla.',
    PRESENTATION_CREDENTIAL_COUNT: 'La cartera debe mostrar exactamente un permiso, y no mostró ninguno o mostró varios. Vuelva a pedirlo.',
    PRESENTATION_NOT_RECEIVED: 'Ninguna cartera respondió (la solicitud se canceló o rechazó, o la respuesta no se puede leer). Vuelva a pedirla, o escanee el código QR del permiso.',
    PRESENTATION_HOLDER_MISMATCH: 'El permiso está vinculado a una clave de cartera, y la cartera que lo mostró no es esa. No lo acepte.',
  },
};

const isShownCode = (code: string): code is ShownCode => Object.hasOwn(SHOWN_CODES, code);

/**
 * The message of a code in `lang`. `translated` is false when only English exists (a code
 * the page does not know, shown as it is), so the page can mark it lang="en".
 */
export function codeMessage(lang: Lang, code: string): { text: string; translated: boolean } {
  if (!isShownCode(code)) return { text: code, translated: false };
  return { text: lang === 'en' ? SHOWN_CODES[code] : CODE_TEXT[lang][code], translated: true };
}

/** Replaces `{name}` placeholders. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * The first of the user's preferred languages that the page offers (by primary subtag:
 * fr-CA → fr), else the first offered language.
 */
export function pickLanguage(preferred: readonly string[], offered: readonly Lang[] = LANGS): Lang {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    const match = offered.find((l) => l === primary);
    if (match) return match;
  }
  return offered[0] ?? 'en';
}

/** "3 h", "5 min", "2 d" (rounded down), in `lang`. */
export function formatAge(ms: number, lang: Lang): string {
  const a = UI[lang].age;
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return a.now;
  if (minutes < 60) return fill(a.min, { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return fill(a.h, { n: hours });
  return fill(a.d, { n: Math.floor(hours / 24) });
}

/** A YYYY-MM-DD date or an ISO date-time as a date in `lang` (dates on permits are UTC days). */
export function formatDate(value: string | undefined, lang: Lang): string {
  if (!value) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(lang).format(date);
}

// Building an Intl formatter costs far more than using one (it loads locale data), and a
// verdict formats dozens of dates and numbers: one formatter per language, made once.
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();
function dateFormat(lang: Lang): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })));
  return format;
}
function numberFormat(lang: Lang): Intl.NumberFormat {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang, { maximumFractionDigits: 6 })));
  return format;
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(lang).format(value);
}
