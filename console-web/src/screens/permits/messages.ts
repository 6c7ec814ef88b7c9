/** The permit search's words. */
import type { Messages } from '../../i18n.js';
import type { ListState } from '../permit/types.js';

export interface PermitsText {
  title: string;
  search: string;
  number: string;
  numberHint: string;
  open: string;
  noSuchNumber: (n: string) => string;
  trader: string;
  traderHint: string;
  species: string;
  speciesHint: string;
  state: string;
  anyState: string;
  states: Record<ListState, string>;
  documentType: string;
  anyType: string;
  documentTypes: Record<'export' | 're-export' | 'import' | 'other', string>;
  country: string;
  countryHint: string;
  issuedFrom: string;
  issuedTo: string;
  apply: string;
  clear: string;
  results: (from: number, to: number, total: number) => string;
  none: string;
  previous: string;
  next: string;
  csv: string;
  csvFailed: string;
  columns: { number: string; type: string; state: string; issued: string; validUntil: string; exporter: string; importer: string; species: string };
  refused: string;
  loading: string;
}

const en: PermitsText = {
  title: 'Permits',
  search: 'Search',
  number: 'Permit number',
  numberHint: 'The whole number, as in box 1.',
  open: 'Open',
  noSuchNumber: (n) => `No permit numbered ${n} was issued here.`,
  trader: 'Trader (importer or exporter)',
  traderHint: 'Part of the name in box 3 or 4; capitals do not matter.',
  species: 'Species (scientific name)',
  speciesHint: 'The whole name, e.g. Phalaenopsis amabilis; capitals do not matter.',
  state: 'State',
  anyState: 'Any state',
  states: { valid: 'Valid', used: 'Used (exported)', expired: 'Expired', revoked: 'Revoked', suspended: 'Suspended' },
  documentType: 'Document',
  anyType: 'Any document',
  documentTypes: { export: 'Export', 're-export': 'Re-export', import: 'Import', other: 'Other' },
  country: 'Country of the exporter or importer',
  countryHint: 'Two letters, e.g. CH.',
  issuedFrom: 'Issued from',
  issuedTo: 'Issued until (inclusive)',
  apply: 'Search',
  clear: 'Clear',
  results: (f, t, n) => `Permits ${f}–${t} of ${n}`,
  none: 'No permit matches.',
  previous: 'Previous page',
  next: 'Next page',
  csv: 'Export all matches as CSV',
  csvFailed: 'The CSV could not be made. Try again.',
  columns: { number: 'Number', type: 'Document', state: 'State', issued: 'Issued (UTC)', validUntil: 'Valid until', exporter: 'Exporter', importer: 'Importer', species: 'Species' },
  refused: 'The search was refused:',
  loading: 'Searching…',
};

const fr: PermitsText = {
  title: 'Permis',
  search: 'Recherche',
  number: 'Numéro du permis',
  numberHint: 'Le numéro entier, comme en case 1.',
  open: 'Ouvrir',
  noSuchNumber: (n) => `Aucun permis numéro ${n} n’a été délivré ici.`,
  trader: 'Opérateur (importateur ou exportateur)',
  traderHint: 'Une partie du nom en case 3 ou 4 ; majuscules indifférentes.',
  species: 'Espèce (nom scientifique)',
  speciesHint: 'Le nom entier, p. ex. Phalaenopsis amabilis ; majuscules indifférentes.',
  state: 'État',
  anyState: 'Tout état',
  states: { valid: 'Valide', used: 'Utilisé (exporté)', expired: 'Expiré', revoked: 'Révoqué', suspended: 'Suspendu' },
  documentType: 'Document',
  anyType: 'Tout document',
  documentTypes: { export: 'Exportation', 're-export': 'Réexportation', import: 'Importation', other: 'Autre' },
  country: 'Pays de l’exportateur ou de l’importateur',
  countryHint: 'Deux lettres, p. ex. CH.',
  issuedFrom: 'Délivré à partir du',
  issuedTo: 'Délivré jusqu’au (inclus)',
  apply: 'Rechercher',
  clear: 'Effacer',
  results: (f, t, n) => `Permis ${f} à ${t} sur ${n}`,
  none: 'Aucun permis ne correspond.',
  previous: 'Page précédente',
  next: 'Page suivante',
  csv: 'Exporter tous les résultats en CSV',
  csvFailed: 'Le CSV n’a pas pu être produit. Réessayez.',
  columns: { number: 'Numéro', type: 'Document', state: 'État', issued: 'Délivré (UTC)', validUntil: 'Valable jusqu’au', exporter: 'Exportateur', importer: 'Importateur', species: 'Espèces' },
  refused: 'La recherche a été refusée :',
  loading: 'Recherche…',
};

const es: PermitsText = {
  title: 'Permisos',
  search: 'Búsqueda',
  number: 'Número del permiso',
  numberHint: 'El número completo, como en la casilla 1.',
  open: 'Abrir',
  noSuchNumber: (n) => `Aquí no se expidió ningún permiso número ${n}.`,
  trader: 'Comerciante (importador o exportador)',
  traderHint: 'Parte del nombre de la casilla 3 o 4; mayúsculas indiferentes.',
  species: 'Especie (nombre científico)',
  speciesHint: 'El nombre completo, p. ej. Phalaenopsis amabilis; da igual en mayúsculas.',
  state: 'Estado',
  anyState: 'Cualquier estado',
  states: { valid: 'Válido', used: 'Utilizado (exportado)', expired: 'Vencido', revoked: 'Revocado', suspended: 'Suspendido' },
  documentType: 'Documento',
  anyType: 'Cualquier documento',
  documentTypes: { export: 'Exportación', 're-export': 'Reexportación', import: 'Importación', other: 'Otro' },
  country: 'País del exportador o del importador',
  countryHint: 'Dos letras, p. ej. CH.',
  issuedFrom: 'Expedido desde',
  issuedTo: 'Expedido hasta (inclusive)',
  apply: 'Buscar',
  clear: 'Borrar',
  results: (f, t, n) => `Permisos ${f}–${t} de ${n}`,
  none: 'Ningún permiso coincide.',
  previous: 'Página anterior',
  next: 'Página siguiente',
  csv: 'Exportar todos los resultados en CSV',
  csvFailed: 'No se pudo generar el CSV. Inténtelo de nuevo.',
  columns: { number: 'Número', type: 'Documento', state: 'Estado', issued: 'Expedido (UTC)', validUntil: 'Válido hasta', exporter: 'Exportador', importer: 'Importador', species: 'Especies' },
  refused: 'La búsqueda fue rechazada:',
  loading: 'Buscando…',
};

export const PERMITS_MESSAGES: Messages<PermitsText> = { en, fr, es };
