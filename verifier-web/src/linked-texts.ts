/**
 * The page's words for the `linkedPermits` check (src/verify/linked-permits.ts): the import
 * permit an Appendix I export relies on (Art. III(2)(d)), its codes in French and Spanish,
 * and the detail that names the import permit's number and state. Kept apart from i18n.ts,
 * which spreads these in. Pure.
 */
import type { PermitState } from '../../src/verify/index.js';

type LinkedCode =
  | 'LINKED_PERMIT_MISSING'
  | 'LINKED_PERMIT_INVALID'
  | 'LINKED_PERMIT_UNTRUSTED'
  | 'LINKED_PERMIT_REVOKED'
  | 'LINKED_PERMIT_SUSPENDED'
  | 'LINKED_PERMIT_NOT_VALID_AT_ISSUE'
  | 'LINKED_PERMIT_STATUS_UNAVAILABLE'
  | 'LINKED_PERMIT_MISMATCH'
  | 'LINKED_PERMIT_QUANTITY_EXCEEDED';

export const LINKED_CODE_TEXT: Record<'fr' | 'es', Record<LinkedCode, string>> = {
  fr: {
    LINKED_PERMIT_MISSING:
      'Ce permis d’exportation indique un permis d’importation, mais le registre de l’autorité exportatrice ne le contient pas\u00a0: le lien entre les deux n’a pas été vérifié. Vérifiez le permis d’importation lui-même auprès de l’autorité importatrice.',
    LINKED_PERMIT_INVALID: 'Le permis d’importation sur lequel repose cette exportation n’est pas un permis d’importation CITES authentique et lisible.',
    LINKED_PERMIT_UNTRUSTED: 'Le permis d’importation sur lequel repose cette exportation n’a pas été délivré par un organe de gestion de confiance du pays de l’importateur.',
    LINKED_PERMIT_REVOKED: 'L’autorité importatrice a annulé le permis d’importation sur lequel repose cette exportation.',
    LINKED_PERMIT_SUSPENDED: 'L’autorité importatrice a suspendu le permis d’importation sur lequel repose cette exportation.',
    LINKED_PERMIT_NOT_VALID_AT_ISSUE: 'Le permis d’importation sur lequel repose cette exportation n’était pas valable le jour où l’exportation a été délivrée.',
    LINKED_PERMIT_STATUS_UNAVAILABLE: 'Impossible de vérifier si le permis d’importation sur lequel repose cette exportation a été annulé\u00a0: l’autorité importatrice est injoignable.',
    LINKED_PERMIT_MISMATCH: 'Le permis d’importation sur lequel repose cette exportation ne lui correspond pas (numéro, autorité, espèce, importateur ou pays).',
    LINKED_PERMIT_QUANTITY_EXCEEDED: 'L’exportation autorise davantage que le permis d’importation sur lequel elle repose.',
  },
  es: {
    LINKED_PERMIT_MISSING:
      'Esta exportación indica un permiso de importación, pero el registro de la autoridad exportadora no lo contiene, por lo que no se comprobó el vínculo entre ambos. Compruebe el permiso de importación con la autoridad importadora.',
    LINKED_PERMIT_INVALID: 'El permiso de importación en que se basa esta exportación no es un permiso de importación CITES auténtico y legible.',
    LINKED_PERMIT_UNTRUSTED: 'El permiso de importación en que se basa esta exportación no fue expedido por una Autoridad Administrativa de confianza del país del importador.',
    LINKED_PERMIT_REVOKED: 'La autoridad importadora ha anulado el permiso de importación en que se basa esta exportación.',
    LINKED_PERMIT_SUSPENDED: 'La autoridad importadora ha suspendido el permiso de importación en que se basa esta exportación.',
    LINKED_PERMIT_NOT_VALID_AT_ISSUE: 'El permiso de importación en que se basa esta exportación no era válido el día en que se expidió la exportación.',
    LINKED_PERMIT_STATUS_UNAVAILABLE: 'No se pudo comprobar si el permiso de importación en que se basa esta exportación fue anulado: no se pudo contactar con la autoridad importadora.',
    LINKED_PERMIT_MISMATCH: 'El permiso de importación en que se basa esta exportación no corresponde a ella (número, autoridad, especie, importador o países).',
    LINKED_PERMIT_QUANTITY_EXCEEDED: 'La exportación autoriza más que el permiso de importación en que se basa.',
  },
};

export const LINKED_CHECK_NAME = { en: 'Import permit (Appendix I)', fr: 'Permis d’importation (Annexe I)', es: 'Permiso de importación (Apéndice I)' } as const;

/** "Import permit N: state." in each language. */
export const LINKED_DETAIL = {
  en: { permit: 'Import permit {number}: {state}.', states: { valid: 'valid', used: 'used', imported: 'imported (used up)', revoked: 'cancelled', suspended: 'suspended', expired: 'expired', unknown: 'state unknown' } },
  fr: { permit: 'Permis d’importation {number}\u00a0: {state}.', states: { valid: 'valable', used: 'utilisé', imported: 'importé (épuisé)', revoked: 'annulé', suspended: 'suspendu', expired: 'expiré', unknown: 'état inconnu' } },
  es: { permit: 'Permiso de importación {number}: {state}.', states: { valid: 'válido', used: 'utilizado', imported: 'importado (agotado)', revoked: 'anulado', suspended: 'suspendido', expired: 'caducado', unknown: 'estado desconocido' } },
} as const satisfies Record<'en' | 'fr' | 'es', { permit: string; states: Record<PermitState, string> }>;
