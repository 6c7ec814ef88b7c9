/**
 * The verdict's words in English, French and Spanish: one headline and one explanation per
 * verdict kind, and the facts the verdict lists under them. Pure data: no DOM.
 *
 * An export-endorsed permit ("used") is what should arrive at the importing border: its
 * headline says so (it is valid for that one shipment), and it is kept apart from the
 * refusals by its own tone and icon (verdict.ts). CITES Art. VI(5) and Res. Conf. 12.3
 * (Rev. CoP19) Annex 2, box 14: one permit per consignment, endorsed at export.
 */
import type { Lang } from './i18n.js';
import type { VerdictKind } from './verdict.js';

export interface VerdictWords {
  title: string;
  detail: string;
}

export interface VerdictTexts {
  verdicts: Record<VerdictKind, VerdictWords>;
  /** The "used" headline when the endorsement's date and port are known. */
  usedTitle: string;
  /** The "imported" headline (issue 9): used up, on that date, at that port. */
  importedTitle: string;
  /** One line per block: the species and the permitted and exported quantity. */
  blockFact: string;
  /** The same with the quantity the importing country's customs confirmed as arrived. */
  blockFactImported: string;
  /** The same for a block that customs has not endorsed (nothing exported yet). */
  blockFactNotExported: string;
  /** A block whose use could not be read. */
  blockFactPermitted: string;
}

const en: VerdictTexts = {
  verdicts: {
    valid: { title: 'Valid — not yet used', detail: 'Genuine, in date, not cancelled or suspended, and not yet endorsed for export.' },
    used: {
      title: 'Valid — exported; expected at import',
      detail: 'Customs of the exporting country endorsed this permit for one shipment. That is how it should arrive at the importing border: accept it for that shipment only. It cannot be used for another export.',
    },
    imported: {
      title: 'Used up — imported; do not accept again',
      detail: 'Customs of the importing country confirmed that the shipment arrived under this permit. A permit covers one shipment only: it cannot be used again.',
    },
    revoked: { title: 'Cancelled (revoked) — do not accept', detail: 'The issuing authority has cancelled this permit.' },
    suspended: { title: 'Suspended — do not accept', detail: 'The issuing authority has suspended this permit for now.' },
    expired: { title: 'Expired — do not accept', detail: 'The validity of this permit has ended.' },
    untrusted: { title: 'Issuer not trusted — do not accept', detail: 'It was not issued by a Management Authority on the list of trusted authorities.' },
    'damaged-or-altered': {
      title: 'Damaged or altered — do not accept',
      detail: 'The code or the permit in it does not match what the authority signed: it is damaged, was changed after signing, or was not signed by the authority it names. Scan it again, closer and in good light; if it still fails, do not accept it.',
    },
    'not-a-permit': { title: 'Not a CITES permit', detail: 'This is not the code of a CITES permit or certificate.' },
    'newer-format': { title: 'Newer code format — update this verifier', detail: 'This permit code is in a newer format than this verifier page can read. Reload the page, or check the permit with the issuing authority.' },
    'status-unchecked': { title: 'Status could not be checked — do not treat as valid', detail: 'Whether it was cancelled, suspended or already used could not be checked. Try again when the issuing authority can be reached.' },
    invalid: { title: 'Not valid — do not accept', detail: '' },
  },
  usedTitle: 'Valid — exported on {date} at {port}; expected at import',
  importedTitle: 'Used up — imported on {date} at {port}; do not accept again',
  blockFact: 'Block {block} — {species}: permitted {permitted}, exported {exported}',
  blockFactImported: 'Block {block} — {species}: permitted {permitted}, exported {exported}, imported {imported}',
  blockFactNotExported: 'Block {block} — {species}: permitted {permitted}; not yet exported',
  blockFactPermitted: 'Block {block} — {species}: permitted {permitted}',
};

// French: a no-break space (\u00a0) before ":" and ";", as French typography wants.
const fr: VerdictTexts = {
  verdicts: {
    valid: { title: 'Valable — pas encore utilisé', detail: 'Authentique, en cours de validité, ni annulé ni suspendu, et pas encore visé par la douane à l’exportation.' },
    used: {
      title: 'Valable — exporté\u00a0; attendu à l’importation',
      detail: 'La douane du pays d’exportation a visé ce permis pour un envoi. C’est ainsi qu’il doit arriver à la frontière du pays d’importation\u00a0: acceptez-le pour cet envoi uniquement. Il ne peut pas servir à une autre exportation.',
    },
    imported: {
      title: 'Épuisé — importé ; ne plus accepter',
      detail: 'La douane du pays d’importation a confirmé l’arrivée de l’envoi sous ce permis. Un permis ne couvre qu’un envoi : il ne peut plus être utilisé.',
    },
    revoked: { title: 'Annulé (révoqué) — ne pas accepter', detail: 'L’autorité émettrice a annulé ce permis.' },
    suspended: { title: 'Suspendu — ne pas accepter', detail: 'L’autorité émettrice a suspendu ce permis pour le moment.' },
    expired: { title: 'Expiré — ne pas accepter', detail: 'La validité de ce permis a expiré.' },
    untrusted: { title: 'Émetteur non reconnu — ne pas accepter', detail: 'Ce permis n’a pas été délivré par un organe de gestion figurant sur la liste des autorités de confiance.' },
    'damaged-or-altered': {
      title: 'Endommagé ou modifié — ne pas accepter',
      detail: 'Le code ou le permis qu’il contient ne correspond pas à ce que l’autorité a signé\u00a0: il est endommagé, a été modifié après la signature, ou n’a pas été signé par l’autorité qui y est indiquée. Scannez-le de nouveau, de plus près et sous un bon éclairage\u00a0; si l’échec persiste, ne l’acceptez pas.',
    },
    'not-a-permit': { title: 'Ceci n’est pas un permis CITES', detail: 'Ce code n’est pas celui d’un permis ou d’un certificat CITES.' },
    'newer-format': { title: 'Format de code plus récent — mettez à jour cette page', detail: 'Ce code de permis est dans un format plus récent que ce que cette page de vérification sait lire. Rechargez la page, ou vérifiez le permis auprès de l’autorité émettrice.' },
    'status-unchecked': { title: 'Statut non vérifié — ne pas considérer comme valable', detail: 'Impossible de vérifier si ce permis a été annulé, suspendu ou déjà utilisé. Réessayez lorsque l’autorité émettrice sera joignable.' },
    invalid: { title: 'Non valable — ne pas accepter', detail: '' },
  },
  usedTitle: 'Valable — exporté le {date} à {port}\u00a0; attendu à l’importation',
  importedTitle: 'Épuisé — importé le {date} à {port}\u00a0; ne plus accepter',
  blockFact: 'Bloc {block} — {species}\u00a0: autorisé {permitted}, exporté {exported}',
  blockFactImported: 'Bloc {block} — {species}\u00a0: autorisé {permitted}, exporté {exported}, importé {imported}',
  blockFactNotExported: 'Bloc {block} — {species}\u00a0: autorisé {permitted}\u00a0; pas encore exporté',
  blockFactPermitted: 'Bloc {block} — {species}\u00a0: autorisé {permitted}',
};

const es: VerdictTexts = {
  verdicts: {
    valid: { title: 'Válido — aún no utilizado', detail: 'Auténtico, vigente, ni anulado ni suspendido, y aún no refrendado por la aduana para la exportación.' },
    used: {
      title: 'Válido — exportado; esperado en la importación',
      detail: 'La aduana del país de exportación refrendó este permiso para un envío. Así debe llegar a la frontera del país de importación: acéptelo solo para ese envío. No puede utilizarse para otra exportación.',
    },
    imported: {
      title: 'Agotado — importado; no volver a aceptar',
      detail: 'La aduana del país de importación confirmó la llegada del envío con este permiso. Un permiso cubre un solo envío: no puede volver a utilizarse.',
    },
    revoked: { title: 'Anulado (revocado) — no aceptar', detail: 'La autoridad emisora ha anulado este permiso.' },
    suspended: { title: 'Suspendido — no aceptar', detail: 'La autoridad emisora ha suspendido este permiso temporalmente.' },
    expired: { title: 'Caducado — no aceptar', detail: 'La validez de este permiso ha expirado.' },
    untrusted: { title: 'Emisor no reconocido — no aceptar', detail: 'Este permiso no fue expedido por una Autoridad Administrativa que figure en la lista de autoridades de confianza.' },
    'damaged-or-altered': {
      title: 'Dañado o alterado — no aceptar',
      detail: 'El código o el permiso que contiene no coincide con lo que firmó la autoridad: está dañado, se modificó después de la firma o no lo firmó la autoridad que figura en él. Escanéelo de nuevo, más cerca y con buena luz; si sigue fallando, no lo acepte.',
    },
    'not-a-permit': { title: 'No es un permiso CITES', detail: 'Este código no corresponde a un permiso ni a un certificado CITES.' },
    'newer-format': { title: 'Formato de código más reciente — actualice este verificador', detail: 'Este código de permiso está en un formato más reciente del que esta página de verificación puede leer. Vuelva a cargar la página o compruebe el permiso con la autoridad emisora.' },
    'status-unchecked': { title: 'Estado no comprobado — no considerarlo válido', detail: 'No se pudo comprobar si este permiso fue anulado, suspendido o ya utilizado. Inténtelo de nuevo cuando se pueda contactar con la autoridad emisora.' },
    invalid: { title: 'No válido — no aceptar', detail: '' },
  },
  usedTitle: 'Válido — exportado el {date} en {port}; esperado en la importación',
  importedTitle: 'Agotado — importado el {date} en {port}; no volver a aceptar',
  blockFact: 'Bloque {block} — {species}: autorizado {permitted}, exportado {exported}',
  blockFactImported: 'Bloque {block} — {species}: autorizado {permitted}, exportado {exported}, importado {imported}',
  blockFactNotExported: 'Bloque {block} — {species}: autorizado {permitted}; aún no exportado',
  blockFactPermitted: 'Bloque {block} — {species}: autorizado {permitted}',
};

export const VERDICT_TEXT: Record<Lang, VerdictTexts> = { en, fr, es };
