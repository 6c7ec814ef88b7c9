/**
 * `saiga imports list [--state expected|arrived|overdue|revoked|suspended]`: the permits other
 * Management Authorities sent for import into this country (docs/exchange.md), newest first,
 * with their state at the importing side. Read-only: it opens the store only.
 */
import { withCliAgent } from '../agent.js';
import { IMPORT_STATES, type ImportState } from '../../store/incoming-permits.js';
import { incomingPermitJson, type IncomingPermitJson } from '../../store/incoming-permit-view.js';
import { EXIT, UsageError, type Output } from '../output.js';

const line = (p: IncomingPermitJson): string =>
  [
    p.permitNumber.padEnd(16),
    p.state.padEnd(10),
    `${p.exporterCountry}→${p.importerCountry}`.padEnd(8),
    `until ${p.validUntil}`.padEnd(17),
    p.blocks.map((b) => `${b.block} ${b.scientificName} ${b.quantity} ${b.unit}`).join('; '),
    p.status.status !== 'valid' ? ` (${p.status.status} by the issuer at ${p.status.changedAt}${p.status.reason ? `: ${p.status.reason}` : ''})` : '',
    p.endorsedAt ? ` (export endorsed ${p.endorsedAt.slice(0, 10)})` : '',
  ].join(' ');

export async function importsListCommand(options: { config: string; state?: string }, out: Output): Promise<number> {
  const { state } = options;
  if (state !== undefined && !IMPORT_STATES.includes(state as ImportState)) throw new UsageError(`--state: must be one of ${IMPORT_STATES.join(', ')}, not "${state}"`);
  return withCliAgent('read', options.config, out, async (saiga) => {
    const items = (await saiga.imports.list(state === undefined ? {} : { state: state as ImportState })).map(incomingPermitJson);
    out.result({ items, total: items.length }, () =>
      items.length === 0 ? ['No permits for import.'] : [`${'NUMBER'.padEnd(16)} ${'STATE'.padEnd(10)} ${'ROUTE'.padEnd(8)} ${'VALID'.padEnd(17)} BLOCKS`, ...items.map(line), `${items.length} permit(s)`],
    );
    return EXIT.OK;
  });
}
