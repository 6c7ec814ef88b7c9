/**
 * `saiga permit xml` and `GET /api/permits/:number/xml`: a permit issued here, with its customs
 * endorsement once there is one (boxes 14, 15), as toolkit XML.
 */
import type { Permit } from '../permit/model.js';
import type { Endorsement } from '../vocab/endorsement.js';
import type { ToolkitVersion } from './namespaces.js';
import { permitToToolkitXml } from './write-permit.js';

/** What the export reads of the agent's records (the `records` capability has it). */
export interface PermitRecords {
  permit(permitNumber: string): Promise<{ permit: Permit } | undefined>;
  status(permitNumber: string): Promise<{ endorsement: { endorsement: unknown } | null } | undefined>;
}

export const XML_MEDIA_TYPE = 'application/xml';

/** The toolkit XML of a permit issued here; undefined when none has that number. */
export async function toolkitXmlOf(records: PermitRecords, permitNumber: string, version: ToolkitVersion = 2): Promise<string | undefined> {
  const record = await records.permit(permitNumber);
  if (!record) return undefined;
  const endorsement = (await records.status(permitNumber))?.endorsement?.endorsement as Endorsement | undefined;
  return permitToToolkitXml(record.permit, { version, ...(endorsement && { endorsement }) });
}

/** `--toolkit-version` / `?version=`: 2 unless 1 is asked for. */
export function toolkitVersionOf(value: unknown): ToolkitVersion | undefined {
  if (value === undefined || value === '2' || value === 2) return 2;
  if (value === '1' || value === 1) return 1;
  return undefined;
}
