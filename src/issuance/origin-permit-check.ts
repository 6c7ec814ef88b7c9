/**
 * A re-export certificate against the permit its specimens were imported under (box 12),
 * checked at issuance when this authority received that permit through the exchange
 * (table `incoming_permit`, relation 'import': this country was its importer).
 *
 * Art. III(4)(b), IV(5)(a), V(4): a re-export certificate is granted only when the
 * Management Authority is satisfied the specimens were imported in accordance with the
 * Convention. So the re-export may cover only species on that permit, and per species and
 * unit no more than came in under it, less what this authority already re-exported under it
 * (re-export certificates issued here whose box 12 names it; a revoked one gives its
 * quantity back: it can no longer be used).
 *
 * What "came in" is, in order of evidence:
 * 1. this authority's import confirmation of that permit (import_confirmation, direction
 *    'made'): what customs here saw arrive;
 * 2. otherwise the exporting customs' endorsement the exporter sent (what left);
 * 3. otherwise what the permit allowed: nothing more can have come in legally under it.
 *
 * A permit of box 12 not received through the exchange (a paper permit) is not checked here.
 * Like the import permit check, this runs before a number is drawn.
 */
import { RULE_CODES, type RuleCode, type RuleIssue } from '../codes.js';
import type { Permit, PermitRequest } from '../permit/model.js';
import type { HeldPermit, HeldPermitReads } from '../store/held-permits.js';

export type OriginPermitCheck = (request: PermitRequest) => Promise<RuleIssue[]>;

const finding = (code: RuleCode, path: string, detail: string): RuleIssue => ({ code, path, message: `${RULE_CODES[code]} (${detail})` });
const speciesKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
const thousandths = (n: number) => Math.round(n * 1000);

type Amounts = Map<string, Map<string, number>>;

function add(amounts: Amounts, species: string, unit: string, quantity: number): void {
  const units = amounts.get(speciesKey(species)) ?? new Map<string, number>();
  units.set(unit, (units.get(unit) ?? 0) + thousandths(quantity));
  amounts.set(speciesKey(species), units);
}

/** Per block letter of the held permit, a quantity from a subject with `blocks: [{ block, quantity }]` (an endorsement or a confirmation). */
function blockQuantities(subject: unknown): Map<string, number> | undefined {
  const blocks = (subject as { blocks?: unknown } | undefined)?.blocks;
  if (!Array.isArray(blocks)) return undefined;
  const out = new Map<string, number>();
  for (const b of blocks) {
    const { block, quantity } = (b ?? {}) as { block?: unknown; quantity?: unknown };
    if (typeof block !== 'string' || typeof quantity !== 'number' || !Number.isFinite(quantity)) return undefined;
    out.set(block, (out.get(block) ?? 0) + quantity);
  }
  return out;
}

/** What came in under the held permit, per species and unit, and which evidence said so. */
function imported(held: HeldPermit, confirmation: unknown): { amounts: Amounts; basis: string } {
  const permit = held.subject;
  const confirmed = blockQuantities(confirmation);
  const endorsed = blockQuantities(held.endorsement);
  const [use, basis] = confirmed ? [confirmed, 'confirmed at import'] : endorsed ? [endorsed, 'endorsed at export'] : [undefined, 'permitted'];
  const amounts: Amounts = new Map();
  for (const s of permit.specimens ?? []) add(amounts, s.scientificName, s.unit, use ? (use.get(s.block) ?? 0) : s.quantity);
  return { amounts, basis };
}

function citedBy(permit: Permit, country: string, number: string): Amounts {
  const amounts: Amounts = new Map();
  for (const s of permit.specimens) if (s.origin?.country === country && s.origin.permitNumber === number) add(amounts, s.scientificName, s.unit, s.quantity);
  return amounts;
}

export function createOriginPermitCheck(held: Pick<HeldPermitReads, 'find' | 'importConfirmation' | 'reExportsCiting'>): OriginPermitCheck {
  return async (request) => {
    if (request.documentType !== 're-export') return [];
    const found: RuleIssue[] = [];
    const groups = new Map<string, { country: string; number: string; indexes: number[] }>();
    request.specimens.forEach((s, i) => {
      if (s.origin?.permitNumber === undefined) return;
      const k = `${s.origin.country}\u0000${s.origin.permitNumber}`;
      const group = groups.get(k) ?? { country: s.origin.country, number: s.origin.permitNumber, indexes: [] };
      group.indexes.push(i);
      groups.set(k, group);
    });
    for (const { country, number, indexes } of groups.values()) {
      const received = await held.find('import', number, { country });
      const permit = received[received.length - 1];
      if (permit === undefined) continue;
      const { amounts, basis } = imported(permit, await held.importConfirmation(permit.credentialId));
      const earlier: Amounts = new Map();
      for (const r of await held.reExportsCiting(country, number)) {
        if (r.state === 'revoked') continue;
        for (const [species, units] of citedBy(r.permit, country, number)) for (const [unit, q] of units) add(earlier, species, unit, q / 1000);
      }
      const asked = new Map<string, { quantity: number; first: number; name: string; unit: string }>();
      for (const i of indexes) {
        const s = request.specimens[i]!;
        const units = amounts.get(speciesKey(s.scientificName));
        if (units === undefined) {
          found.push(finding('ORIGIN_PERMIT_SPECIES_MISMATCH', `/specimens/${i}/scientificName`, `${s.scientificName} is not on permit ${number} of ${country}`));
          continue;
        }
        if (!units.has(s.unit)) {
          found.push(finding('ORIGIN_PERMIT_UNIT_MISMATCH', `/specimens/${i}/unit`, `permit ${number} of ${country} states ${s.scientificName} in ${[...units.keys()].join(', ')}`));
          continue;
        }
        const k = `${speciesKey(s.scientificName)}\u0000${s.unit}`;
        const sum = asked.get(k);
        asked.set(k, { quantity: (sum?.quantity ?? 0) + thousandths(s.quantity), first: sum?.first ?? i, name: s.scientificName, unit: s.unit });
      }
      for (const [k, { quantity, first, name, unit }] of asked) {
        const [species] = k.split('\u0000') as [string];
        const came = amounts.get(species)!.get(unit)!;
        const before = earlier.get(species)?.get(unit) ?? 0;
        if (quantity > came - before) {
          const left = Math.max(0, came - before) / 1000;
          found.push(
            finding('ORIGIN_PERMIT_QUANTITY_EXCEEDED', `/specimens/${first}/quantity`, `${quantity / 1000} ${unit} of ${name}; ${came / 1000} ${unit} ${basis} under permit ${number} of ${country}, ${before / 1000} already re-exported, ${left} left`),
          );
        }
      }
    }
    return found;
  };
}
