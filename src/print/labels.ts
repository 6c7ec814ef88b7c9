/**
 * The printed form's wording in English, French and Spanish: the box labels of the
 * standard CITES form (Res. Conf. 12.3 (Rev. CoP19) Annex 2; docs/sources.md §2) and the few
 * sentences this electronic print adds (QR caption, watermark, continuation sheets).
 *
 * The English labels follow the form of Res. Conf. 12.3 (Rev. CoP19) Annex 2. The French and
 * Spanish box labels follow the French ("Permis/Certificat") and Spanish
 * ("Permiso/Certificado") versions of the form as UNEP-WCMC's EPIX permit viewer
 * reproduces them (unepwcmc/epix config/locales/fr.yml, es.yml), shortened where the
 * English is (box 6 names the Management Authority only). Where a label departs from EPIX,
 * or EPIX has none and the choice is not obvious, a comment says so. Of the footnotes EPIX
 * gives the first, in Spanish; the others render the English. The sentences the print adds
 * use the Resolution's terms (a continuation sheet is a "feuille annexe" / "hoja anexa": the
 * Resolution calls a page attached to a permit an "annexe" / "anexo"). French strings put a
 * no-break space (U+00A0, printable with the standard PDF fonts) before : and ;.
 */
import type { DocumentType, ReplacementReason } from '../permit/model.js';

export type PrintLanguage = 'en' | 'fr' | 'es';

export const PRINT_LANGUAGES: readonly PrintLanguage[] = ['en', 'fr', 'es'];

export interface FormLabels {
  convention: string;
  /** Box 1. */
  permitNo: string;
  documentTypes: Record<DocumentType, string>;
  /** Box 2. */
  validUntil: string;
  /** Box 3, 3a. */
  importer: string;
  countryOfImport: string;
  /** Box 4. */
  exporter: string;
  /** Box 5, 5a, 5b. */
  specialConditions: string;
  purpose: string;
  securityStampNo: string;
  /** Box 6. */
  managementAuthority: string;
  did: string;
  /** Blocks A–D, boxes 7–12b. */
  block: string;
  scientificName: string;
  commonName: string;
  description: string;
  term: string;
  marks: string;
  appendixAndSource: string;
  appendix: string;
  source: string;
  quantity: string;
  quota: string;
  countryOfOrigin: string;
  lastReExport: string;
  operationOrAcquisition: string;
  permitNumberShort: string;
  certificateNumberShort: string;
  date: string;
  operationNumber: string;
  acquisitionDate: string;
  /** Box 13. */
  issuedBy: string;
  place: string;
  signatory: string;
  issuedElectronically: string;
  /** Box 14. */
  exportEndorsement: string;
  /** Box 14 column: the quantity actually exported. */
  quantityExported: string;
  portOfExport: string;
  signature: string;
  stampAndTitle: string;
  endorsedElectronically: string;
  customsOfficer: string;
  /** Box 15. */
  transportDocument: string;
  footnotes: readonly string[];
  /** Box 5 notes the print writes from the permit's data. */
  replaces: (permitNumber: string, reason: string) => string;
  replacementReasons: Record<ReplacementReason, string>;
  importPermit: (permitNumber: string) => string;
  continuation: (n: number, m: number) => string;
  page: (n: number, m: number) => string;
  blocksOnContinuation: (m: number) => string;
  qrCaption: string;
  watermark: { revoked: string; suspended: string; preview: string };
  /** A preview before issuing (render.ts `preview`): box 1 in place of a number, and the text in place of the QR code. */
  preview: { number: string; qr: string };
  /** What goes between a label and its value: French sets a non-breaking space before the colon. */
  colon: string;
}

const en: FormLabels = {
  convention: 'CONVENTION ON INTERNATIONAL TRADE IN ENDANGERED SPECIES OF WILD FAUNA AND FLORA',
  permitNo: 'PERMIT / CERTIFICATE No.',
  documentTypes: { export: 'EXPORT', 're-export': 'RE-EXPORT', import: 'IMPORT', other: 'OTHER' },
  validUntil: 'Valid until',
  importer: 'Importer (name and address)',
  countryOfImport: 'Country of import',
  exporter: 'Exporter / re-exporter (name, address and country)',
  specialConditions: 'Special conditions',
  purpose: 'Purpose of the transaction',
  securityStampNo: 'Security stamp No.',
  managementAuthority: 'Management Authority (name, address and country)',
  did: 'DID',
  block: 'Block',
  scientificName: 'Scientific name (genus and species)',
  commonName: 'Common name of animal or plant',
  description: 'Description of specimens, including identifying marks or numbers (age/sex if live)',
  term: 'Term',
  marks: 'Marks',
  appendixAndSource: 'Appendix No. and source',
  appendix: 'Appendix',
  source: 'Source',
  quantity: 'Quantity (including unit)',
  quota: 'Total exported / Quota',
  countryOfOrigin: 'Country of origin *, Permit No., Date',
  lastReExport: 'Country of last re-export, Certificate No., Date',
  operationOrAcquisition: 'No. of the operation ** or date of acquisition ***',
  permitNumberShort: 'Permit No.',
  certificateNumberShort: 'Certificate No.',
  date: 'Date',
  operationNumber: 'Operation No.',
  acquisitionDate: 'Date of acquisition',
  issuedBy: 'This permit / certificate is issued by',
  place: 'Place',
  signatory: 'Signatory',
  issuedElectronically: "Issued electronically; signed with the authority's key.",
  exportEndorsement: 'Export endorsement',
  quantityExported: 'Quantity',
  portOfExport: 'Port of export',
  signature: 'Signature',
  stampAndTitle: 'Official stamp and title',
  endorsedElectronically: 'Recorded electronically by customs',
  customsOfficer: 'Customs officer',
  transportDocument: 'Bill of Lading / Air waybill number',
  footnotes: [
    '* Country in which the specimens were taken from the wild, bred in captivity or artificially propagated (only in case of re-export).',
    '** Only for specimens of Appendix-I species bred in captivity or artificially propagated for commercial purposes.',
    '*** For pre-Convention specimens.',
  ],
  replaces: (n, reason) => `Replaces permit / certificate No. ${n} (${reason}).`,
  replacementReasons: { lost: 'lost', stolen: 'stolen', destroyed: 'destroyed', damaged: 'damaged', cancelled: 'cancelled', expired: 'expired', error: 'issued in error' },
  importPermit: (n) => `Import permit No. ${n}.`,
  continuation: (n, m) => `Continuation sheet ${n} of ${m}`,
  page: (n, m) => `Page ${n} of ${m}`,
  blocksOnContinuation: (m) => (m === 1 ? 'Further blocks on the continuation sheet.' : `Further blocks on ${m} continuation sheets.`),
  qrCaption:
    'The QR code is the authoritative check: scan it or open the verifier to confirm this permit is genuine, valid and how much was exported.',
  watermark: { revoked: 'REVOKED', suspended: 'SUSPENDED', preview: 'PREVIEW — NOT VALID' },
  preview: { number: 'PREVIEW', qr: 'PREVIEW — no QR code. The permit, once issued, carries here the QR code of its signed credential.' },
  colon: ': ',
};

const fr: FormLabels = {
  convention: 'CONVENTION SUR LE COMMERCE INTERNATIONAL DES ESPÈCES DE FAUNE ET DE FLORE SAUVAGES MENACÉES D’EXTINCTION',
  permitNo: 'PERMIS / CERTIFICAT No',
  documentTypes: { export: 'EXPORTATION', 're-export': 'RÉEXPORTATION', import: 'IMPORTATION', other: 'AUTRE' },
  validUntil: 'Valable jusqu’au',
  importer: 'Importateur (nom et adresse)',
  countryOfImport: 'Pays d’importation',
  exporter: 'Exportateur / réexportateur (nom, adresse et pays)',
  specialConditions: 'Conditions particulières',
  purpose: 'But de la transaction',
  securityStampNo: 'Timbre de sécurité no',
  managementAuthority: 'Organe de gestion (nom, adresse et pays)',
  did: 'DID',
  block: 'Bloc',
  scientificName: 'Nom scientifique (genre et espèce)',
  commonName: 'Nom commun de l’animal ou de la plante',
  description: 'Description des spécimens, marques ou numéros d’identification (âge/sexe si vivants)',
  // Not a box label: the name the CITES Trade Database gives this code.
  term: 'Terme',
  marks: 'Marques',
  appendixAndSource: 'Annexe et source',
  appendix: 'Annexe',
  source: 'Source',
  quantity: 'Quantité (et unité)',
  quota: 'Total exporté / Quota',
  countryOfOrigin: 'Pays d’origine *, Permis no, Date',
  // EPIX has "Pays de provenance", which would not say that the country re-exported.
  lastReExport: 'Pays de la dernière réexportation, Certificat no, Date',
  operationOrAcquisition: 'No de l’établissement ** ou date d’acquisition ***',
  permitNumberShort: 'Permis no',
  certificateNumberShort: 'Certificat no',
  date: 'Date',
  operationNumber: 'No de l’établissement',
  acquisitionDate: 'Date d’acquisition',
  issuedBy: 'Ce permis / certificat est délivré par',
  place: 'Lieu',
  signatory: 'Signataire',
  issuedElectronically: 'Délivré sous forme électronique ; signé avec la clé de l’organe de gestion.',
  exportEndorsement: 'Approbation de l’exportation',
  quantityExported: 'Quantité',
  portOfExport: 'Port d’exportation',
  signature: 'Signature',
  // EPIX gives no French for this column; "cachet" is the usual word for an official stamp.
  stampAndTitle: 'Cachet officiel et titre',
  endorsedElectronically: 'Enregistrée électroniquement par la douane',
  customsOfficer: 'Agent des douanes',
  transportDocument: 'Connaissement / lettre de transport aérien no',
  footnotes: [
    '* Pays dans lequel les spécimens ont été prélevés dans la nature, élevés en captivité ou reproduits artificiellement (seulement en cas de réexportation).',
    '** Seulement pour les spécimens d’espèces inscrites à l’Annexe I élevés en captivité ou reproduits artificiellement à des fins commerciales.',
    '*** Pour les spécimens pré-Convention.',
  ],
  replaces: (n, reason) => `Remplace le permis / certificat no ${n} (${reason}).`,
  replacementReasons: { lost: 'perdu', stolen: 'volé', destroyed: 'détruit', damaged: 'endommagé', cancelled: 'annulé', expired: 'expiré', error: 'délivré par erreur' },
  importPermit: (n) => `Permis d’importation no ${n}.`,
  continuation: (n, m) => `Feuille annexe ${n} sur ${m}`,
  page: (n, m) => `Page ${n} sur ${m}`,
  blocksOnContinuation: (m) => (m === 1 ? 'Autres blocs sur la feuille annexe.' : `Autres blocs sur les ${m} feuilles annexes.`),
  qrCaption:
    'Le code QR fait foi : scannez-le ou ouvrez la page de vérification pour confirmer que ce permis est authentique et valable, et connaître la quantité exportée.',
  watermark: { revoked: 'RÉVOQUÉ', suspended: 'SUSPENDU', preview: 'APERÇU — NON VALABLE' },
  preview: { number: 'APERÇU', qr: 'APERÇU — pas de code QR. Le permis, une fois délivré, porte ici le code QR de son titre signé.' },
  colon: '\u00a0: ',
};

const es: FormLabels = {
  convention: 'CONVENCIÓN SOBRE EL COMERCIO INTERNACIONAL DE ESPECIES AMENAZADAS DE FAUNA Y FLORA SILVESTRES',
  permitNo: 'PERMISO / CERTIFICADO No.',
  documentTypes: { export: 'EXPORTACIÓN', 're-export': 'REEXPORTACIÓN', import: 'IMPORTACIÓN', other: 'OTRO' },
  validUntil: 'Válido hasta el',
  importer: 'Importador (nombre y dirección)',
  countryOfImport: 'País de importación',
  exporter: 'Exportador / reexportador (nombre, dirección y país)',
  specialConditions: 'Condiciones especiales',
  purpose: 'Propósito de la transacción',
  securityStampNo: 'Estampilla de seguridad No.',
  managementAuthority: 'Autoridad Administrativa (nombre, dirección y país)',
  did: 'DID',
  // EPIX's Spanish labels call a block "Sección"; "Bloque" is kept, as on the verifier page.
  block: 'Bloque',
  scientificName: 'Nombre científico (género y especie)',
  commonName: 'Nombre común del animal o planta',
  // EPIX: "…: incluso las marcas o los números de identificación (edad/sexo, si vivos)"; same words, correct Spanish.
  description: 'Descripción de los especímenes, incluidas las marcas o los números de identificación (edad/sexo, si están vivos)',
  // Not a box label: the name the CITES Trade Database gives this code.
  term: 'Término',
  marks: 'Marcas',
  appendixAndSource: 'Apéndice y origen', // the Spanish form calls the source "origen"
  appendix: 'Apéndice',
  source: 'Origen',
  // EPIX has "No. de especímenes (incluso la unidad de medida)", which does not fit a weight or volume.
  quantity: 'Cantidad (incluida la unidad)',
  quota: 'Total exportado / Cupo',
  countryOfOrigin: 'País de origen *, Permiso No., Fecha',
  lastReExport: 'País de la última reexportación, Certificado No., Fecha',
  operationOrAcquisition: 'No. del establecimiento ** o fecha de adquisición ***',
  permitNumberShort: 'Permiso No.',
  certificateNumberShort: 'Certificado No.',
  date: 'Fecha',
  operationNumber: 'Establecimiento No.',
  acquisitionDate: 'Fecha de adquisición',
  issuedBy: 'Permiso / certificado expedido por',
  place: 'Lugar',
  signatory: 'Firmante',
  issuedElectronically: 'Expedido en formato electrónico; firmado con la clave de la Autoridad Administrativa.',
  exportEndorsement: 'Aprobación de la exportación',
  quantityExported: 'Cantidad',
  portOfExport: 'Puerto de exportación',
  signature: 'Firma',
  // EPIX gives no Spanish for this column; in Spanish an officer's title is a "cargo".
  stampAndTitle: 'Sello oficial y cargo',
  endorsedElectronically: 'Registrada electrónicamente por la aduana',
  customsOfficer: 'Funcionario de aduanas',
  transportDocument: 'Conocimiento de embarque / carta de porte aéreo No.',
  footnotes: [
    '* País en el que los especímenes fueron recolectados en la naturaleza, criados en cautividad o reproducidos artificialmente (sólo en caso de reexportación).',
    '** Sólo para especímenes de especies del Apéndice I criados en cautividad o reproducidos artificialmente con fines comerciales.',
    '*** Para especímenes preconvención.',
  ],
  replaces: (n, reason) => `Sustituye al permiso / certificado No. ${n} (${reason}).`,
  replacementReasons: { lost: 'perdido', stolen: 'robado', destroyed: 'destruido', damaged: 'dañado', cancelled: 'anulado', expired: 'caducado', error: 'expedido por error' },
  importPermit: (n) => `Permiso de importación No. ${n}.`,
  continuation: (n, m) => `Hoja anexa ${n} de ${m}`,
  page: (n, m) => `Página ${n} de ${m}`,
  blocksOnContinuation: (m) => (m === 1 ? 'Otros bloques en la hoja anexa.' : `Otros bloques en las ${m} hojas anexas.`),
  qrCaption:
    'El código QR es la prueba que hace fe: escanéelo o abra la página de verificación para confirmar que este permiso es auténtico y válido, y qué cantidad se ha exportado.',
  watermark: { revoked: 'REVOCADO', suspended: 'SUSPENDIDO', preview: 'VISTA PREVIA — NO VÁLIDO' },
  preview: { number: 'VISTA PREVIA', qr: 'VISTA PREVIA — sin código QR. El permiso, una vez expedido, lleva aquí el código QR de su credencial firmada.' },
  colon: ': ',
};

export const FORM_LABELS: Readonly<Record<PrintLanguage, FormLabels>> = { en, fr, es };
