/** The dashboard's words. */
import type { Messages } from '../../i18n.js';

export type CountId = 'all' | 'valid' | 'used' | 'expired' | 'revoked' | 'suspended' | 'imported' | 'expiringSoon';
export type ImportStateId = 'expected' | 'arrived' | 'overdue' | 'revoked' | 'suspended';

export interface DashboardText {
  title: string;
  permits: string;
  counts: Record<CountId, string>;
  countsHint: string;
  incoming: string;
  incomingTotal: (n: number) => string;
  importStates: Record<ImportStateId, string>;
  incomingColumns: { number: string; from: string; received: string; state: string };
  noIncoming: string;
  exchange: string;
  undeliverable: (n: number) => string;
  messageColumns: { peer: string; type: string; subject: string; lastError: string };
  loading: string;
  failed: string;
}

const en: DashboardText = {
  title: 'Dashboard',
  permits: 'Permits issued here',
  counts: { all: 'Issued', valid: 'Valid', used: 'Used (exported)', expired: 'Expired', revoked: 'Revoked', suspended: 'Suspended', imported: 'Imported (confirmed)', expiringSoon: 'Expiring within 30 days' },
  countsHint: 'Each count opens the list of those permits.',
  incoming: 'Incoming permits from other authorities',
  incomingTotal: (n) => (n === 1 ? '1 permit sent to us for import' : `${n} permits sent to us for import`),
  importStates: { expected: 'Expected', arrived: 'Arrived', overdue: 'Overdue', revoked: 'Revoked', suspended: 'Suspended' },
  incomingColumns: { number: 'Permit', from: 'From', received: 'Received (UTC)', state: 'State' },
  noIncoming: 'No permit was sent to us for import.',
  exchange: 'Exchange with other authorities',
  undeliverable: (n) => (n === 1 ? '1 message could not be delivered' : `${n} messages could not be delivered`),
  messageColumns: { peer: 'Authority', type: 'Message', subject: 'About', lastError: 'Last error' },
  loading: 'Loading…',
  failed: 'Could not be read. Reload the page.',
};

const fr: DashboardText = {
  title: 'Tableau de bord',
  permits: 'Permis délivrés ici',
  counts: { all: 'Délivrés', valid: 'Valides', used: 'Utilisés (exportés)', expired: 'Expirés', revoked: 'Révoqués', suspended: 'Suspendus', imported: 'Importés (confirmés)', expiringSoon: 'Expirent dans les 30 jours' },
  countsHint: 'Chaque nombre ouvre la liste de ces permis.',
  incoming: 'Permis reçus d’autres autorités',
  incomingTotal: (n) => (n === 1 ? '1 permis reçu pour importation' : `${n} permis reçus pour importation`),
  importStates: { expected: 'Attendus', arrived: 'Arrivés', overdue: 'En retard', revoked: 'Révoqués', suspended: 'Suspendus' },
  incomingColumns: { number: 'Permis', from: 'De', received: 'Reçu (UTC)', state: 'État' },
  noIncoming: 'Aucun permis ne nous a été envoyé pour importation.',
  exchange: 'Échanges avec les autres autorités',
  undeliverable: (n) => (n === 1 ? '1 message n’a pas pu être remis' : `${n} messages n’ont pas pu être remis`),
  messageColumns: { peer: 'Autorité', type: 'Message', subject: 'Objet', lastError: 'Dernière erreur' },
  loading: 'Chargement…',
  failed: 'Lecture impossible. Rechargez la page.',
};

const es: DashboardText = {
  title: 'Panel',
  permits: 'Permisos expedidos aquí',
  counts: { all: 'Expedidos', valid: 'Válidos', used: 'Utilizados (exportados)', expired: 'Vencidos', revoked: 'Revocados', suspended: 'Suspendidos', imported: 'Importados (confirmados)', expiringSoon: 'Vencen en 30 días' },
  countsHint: 'Cada cifra abre la lista de esos permisos.',
  incoming: 'Permisos recibidos de otras autoridades',
  incomingTotal: (n) => (n === 1 ? '1 permiso recibido para importación' : `${n} permisos recibidos para importación`),
  importStates: { expected: 'Esperados', arrived: 'Llegados', overdue: 'Atrasados', revoked: 'Revocados', suspended: 'Suspendidos' },
  incomingColumns: { number: 'Permiso', from: 'De', received: 'Recibido (UTC)', state: 'Estado' },
  noIncoming: 'No se nos envió ningún permiso para importación.',
  exchange: 'Intercambio con otras autoridades',
  undeliverable: (n) => (n === 1 ? '1 mensaje no pudo entregarse' : `${n} mensajes no pudieron entregarse`),
  messageColumns: { peer: 'Autoridad', type: 'Mensaje', subject: 'Asunto', lastError: 'Último error' },
  loading: 'Cargando…',
  failed: 'No se pudo leer. Recargue la página.',
};

export const DASHBOARD_MESSAGES: Messages<DashboardText> = { en, fr, es };
