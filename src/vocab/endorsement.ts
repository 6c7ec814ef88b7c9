/**
 * The credential subject of a customs export endorsement (boxes 14 and 15 of the permit
 * form), as its issuer signs it and every verifier reads it, and how its quantities are set
 * against the permit's. A leaf module: it imports nothing. Browser-safe.
 *
 * Convention Art. VI(5): one permit per consignment, so a permit is endorsed once; a balance
 * left unshipped cannot be shipped later under the same permit.
 */

/** One block of box 14 as endorsed: every block of the permit, with its unit. */
export interface EndorsedBlock {
  block: string;
  quantity: number;
  unit: string;
}

/** The credential subject of a CITESExportEndorsement VC-JWT (signed by the authority's customs DID). */
export interface Endorsement {
  /** The permit credential's id, its box 1 number and the issuing Management Authority's DID. */
  permit: { id: string; permitNumber: string; issuer: string };
  /** Every block of the permit, in the permit's order, with 0 for a block not shipped. */
  blocks: EndorsedBlock[];
  portOfExport: string;
  date: string;
  transportDocument: string;
  /** The customs officer's name. */
  officer: string;
  /** ISO 3166-1 alpha-2 country of the customs authority (= the issuing MA's country). */
  country: string;
}

export interface BlockUse {
  block: string;
  permitted: { quantity: number; unit: string };
  /** What the endorsement records for the block; null when it does not name the block. */
  exported: { quantity: number; unit: string } | null;
  /** More was endorsed than permitted (same unit). */
  exceeded: boolean;
  /** The endorsement uses another unit than the permit, so the quantities cannot be compared. */
  unitMismatch: boolean;
}

/** What `exportedQuantities` reads of a permit: its blocks (box 7–12) with their quantity and unit. */
export interface PermittedBlocks {
  specimens: readonly { block: string; quantity: number; unit: string }[];
}

/**
 * Per block of the permit: what it allows and what the endorsement records as exported.
 * A block named more than once counts with the sum of its entries (the safe direction
 * for a verifier: the endorsement cannot hide a quantity in a second entry).
 *
 * @example
 * exportedQuantities(permit, { blocks: [{ block: 'A', quantity: 250, unit: 'NAR' }] })
 * // [{ block: 'A', permitted: { quantity: 250, unit: 'NAR' }, exported: { quantity: 250, unit: 'NAR' }, exceeded: false, unitMismatch: false }, …]
 */
export function exportedQuantities(permit: PermittedBlocks, endorsement: Pick<Endorsement, 'blocks'>): BlockUse[] {
  return permit.specimens.map((s) => {
    const permitted = { quantity: s.quantity, unit: s.unit };
    const named = endorsement.blocks.filter((b) => b.block === s.block);
    if (named.length === 0) return { block: s.block, permitted, exported: null, exceeded: false, unitMismatch: false };
    const unitMismatch = named.some((b) => b.unit !== s.unit);
    const exported = { quantity: named.reduce((sum, b) => sum + b.quantity, 0), unit: unitMismatch ? named.find((b) => b.unit !== s.unit)!.unit : s.unit };
    return { block: s.block, permitted, exported, exceeded: !unitMismatch && exported.quantity > s.quantity, unitMismatch };
  });
}
