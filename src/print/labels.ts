/**
 * The printed form's wording in English, French and Spanish: the box labels of the
 * standard CITES form (Res. Conf. 12.3 Annex 2, cites-domain.md §3) and the few
 * sentences this electronic print adds (QR caption, watermark, continuation sheets).
 *
 * The English labels follow the form as confirmed in cites-domain.md §3. The French and
 * Spanish ones are the form's wording as far as we know it; lines marked UNSURE were not
 * checked against the official French/Spanish version of the Annex.
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
  watermark: { revoked: string; suspended: string };
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
  watermark: { revoked: 'REVOKED', suspended: 'SUSPENDED' },
};

const fr: FormLabels = {
  convention: "CONVENTION SUR LE COMMERCE INTERNATIONAL DES ESPÈCES DE FAUNE ET DE FLORE SAUVAGES MENACÉES D'EXTINCTION",
  permitNo: 'PERMIS / CERTIFICAT No',
  documentTypes: { export: 'EXPORTATION', 're-export': 'RÉEXPORTATION', import: 'IMPORTATION', other: 'AUTRE' },
  validUntil: "Valable jusqu'au",
  importer: 'Importateur (nom et adresse)',
  countryOfImport: "Pays d'importation",
  exporter: 'Exportateur / réexportateur (nom, adresse et pays)',
  specialConditions: 'Conditions spéciales',
  purpose: 'But de la transaction',
  securityStampNo: 'No du timbre de sécurité',
  managementAuthority: 'Organe de gestion (nom, adresse et pays)',
  did: 'DID',
  block: 'Bloc',
  scientificName: 'Nom scientifique (genre et espèce)',
  commonName: "Nom commun de l'animal ou de la plante",
  description: "Description des spécimens, y compris les marques ou numéros d'identification (âge/sexe s'ils sont vivants)", // UNSURE: tail wording
  term: 'Terme', // UNSURE: the annual-report Guidelines call the code "terme"
  marks: 'Marques',
  appendixAndSource: 'Annexe no et source',
  appendix: 'Annexe',
  source: 'Source',
  quantity: "Quantité (y compris l'unité)",
  quota: 'Total exporté / Quota', // UNSURE
  countryOfOrigin: "Pays d'origine *, Permis no, Date",
  lastReExport: 'Pays de la dernière réexportation, Certificat no, Date',
  operationOrAcquisition: "No de l'établissement ** ou date d'acquisition ***", // UNSURE: "établissement"
  permitNumberShort: 'Permis no',
  certificateNumberShort: 'Certificat no',
  date: 'Date',
  operationNumber: "No de l'établissement",
  acquisitionDate: "Date d'acquisition",
  issuedBy: 'Ce permis / certificat est délivré par',
  place: 'Lieu',
  signatory: 'Signataire',
  issuedElectronically: "Délivré électroniquement ; signé avec la clé de l'organe de gestion.",
  exportEndorsement: "Visa d'exportation", // UNSURE
  quantityExported: 'Quantité',
  portOfExport: "Port d'exportation",
  signature: 'Signature',
  stampAndTitle: 'Sceau et titre officiels', // UNSURE
  endorsedElectronically: 'Enregistré électroniquement par la douane',
  customsOfficer: 'Agent des douanes',
  transportDocument: 'Connaissement / Lettre de transport aérien No', // UNSURE: word order on the form
  footnotes: [
    '* Pays dans lequel les spécimens ont été prélevés dans la nature, élevés en captivité ou reproduits artificiellement (seulement en cas de réexportation).',
    "** Seulement pour les spécimens d'espèces inscrites à l'Annexe I élevés en captivité ou reproduits artificiellement à des fins commerciales.",
    '*** Pour les spécimens pré-Convention.',
  ],
  replaces: (n, reason) => `Remplace le permis / certificat no ${n} (${reason}).`,
  replacementReasons: { lost: 'perdu', stolen: 'volé', destroyed: 'détruit', damaged: 'endommagé', cancelled: 'annulé', expired: 'expiré', error: 'délivré par erreur' },
  importPermit: (n) => `Permis d'importation no ${n}.`,
  continuation: (n, m) => `Feuille de continuation ${n} sur ${m}`, // UNSURE: "feuille annexe" is also used
  page: (n, m) => `Page ${n} sur ${m}`,
  blocksOnContinuation: (m) => (m === 1 ? 'Autres blocs sur la feuille de continuation.' : `Autres blocs sur ${m} feuilles de continuation.`),
  qrCaption:
    "Le code QR fait foi : scannez-le ou ouvrez le vérificateur pour confirmer que ce permis est authentique et valide, et voir la quantité exportée.",
  watermark: { revoked: 'RÉVOQUÉ', suspended: 'SUSPENDU' },
};

const es: FormLabels = {
  convention: 'CONVENCIÓN SOBRE EL COMERCIO INTERNACIONAL DE ESPECIES AMENAZADAS DE FAUNA Y FLORA SILVESTRES',
  permitNo: 'PERMISO / CERTIFICADO No',
  documentTypes: { export: 'EXPORTACIÓN', 're-export': 'REEXPORTACIÓN', import: 'IMPORTACIÓN', other: 'OTRO' },
  validUntil: 'Válido hasta',
  importer: 'Importador (nombre y dirección)',
  countryOfImport: 'País de importación',
  exporter: 'Exportador / reexportador (nombre, dirección y país)',
  specialConditions: 'Condiciones especiales',
  purpose: 'Propósito de la transacción',
  securityStampNo: 'No de la estampilla de seguridad',
  managementAuthority: 'Autoridad Administrativa (nombre, dirección y país)',
  did: 'DID',
  block: 'Bloque',
  scientificName: 'Nombre científico (género y especie)',
  commonName: 'Nombre común del animal o de la planta',
  description: 'Descripción de los especímenes, incluidas las marcas o números de identificación (edad/sexo si se trata de especímenes vivos)', // UNSURE: tail wording
  term: 'Término', // UNSURE
  marks: 'Marcas',
  appendixAndSource: 'Apéndice No y origen', // the Spanish form calls the source "origen"
  appendix: 'Apéndice',
  source: 'Origen',
  quantity: 'Cantidad (incluida la unidad)',
  quota: 'Total exportado / Cupo',
  countryOfOrigin: 'País de origen *, Permiso No, Fecha',
  lastReExport: 'País de la última reexportación, Certificado No, Fecha',
  operationOrAcquisition: 'No del establecimiento ** o fecha de adquisición ***', // UNSURE: "establecimiento"
  permitNumberShort: 'Permiso No',
  certificateNumberShort: 'Certificado No',
  date: 'Fecha',
  operationNumber: 'No del establecimiento',
  acquisitionDate: 'Fecha de adquisición',
  issuedBy: 'Este permiso / certificado ha sido expedido por', // UNSURE
  place: 'Lugar',
  signatory: 'Firmante',
  issuedElectronically: 'Expedido electrónicamente; firmado con la clave de la Autoridad Administrativa.',
  exportEndorsement: 'Refrendo de la exportación', // UNSURE
  quantityExported: 'Cantidad',
  portOfExport: 'Puerto de exportación',
  signature: 'Firma',
  stampAndTitle: 'Sello y título oficiales', // UNSURE
  endorsedElectronically: 'Registrado electrónicamente por la aduana',
  customsOfficer: 'Funcionario de aduanas',
  transportDocument: 'No del conocimiento de embarque / carta de porte aéreo', // UNSURE
  footnotes: [
    '* País en que los especímenes fueron recolectados en la naturaleza, criados en cautividad o reproducidos artificialmente (sólo en caso de reexportación).',
    '** Sólo para especímenes de especies del Apéndice I criados en cautividad o reproducidos artificialmente con fines comerciales.',
    '*** Para especímenes preconvención.',
  ],
  replaces: (n, reason) => `Sustituye al permiso / certificado No ${n} (${reason}).`,
  replacementReasons: { lost: 'perdido', stolen: 'robado', destroyed: 'destruido', damaged: 'dañado', cancelled: 'anulado', expired: 'caducado', error: 'expedido por error' },
  importPermit: (n) => `Permiso de importación No ${n}.`,
  continuation: (n, m) => `Hoja de continuación ${n} de ${m}`, // UNSURE: "hoja anexa" is also used
  page: (n, m) => `Página ${n} de ${m}`,
  blocksOnContinuation: (m) => (m === 1 ? 'Más bloques en la hoja de continuación.' : `Más bloques en ${m} hojas de continuación.`),
  qrCaption:
    'El código QR es la comprobación que hace fe: escanéelo o abra el verificador para confirmar que este permiso es auténtico y válido, y cuánto se exportó.',
  watermark: { revoked: 'REVOCADO', suspended: 'SUSPENDIDO' },
};

export const FORM_LABELS: Readonly<Record<PrintLanguage, FormLabels>> = { en, fr, es };
