/**
 * The baseline of bench/annual-report.ts: the rows the exporter report reads (endorsements of
 * 2026 and their permits, the same keyset pages of src/store/sqlite.ts `each`), written as CSV
 * with no parsing, mapping or checking. `node dist/bench/annual-report-dump.js DB OUT`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { SqliteDatabase } from '../src/store/sqlite.js';

const [file, out] = process.argv.slice(2) as [string, string];
const db = await SqliteDatabase.openReadOnly(file);
const stream = createWriteStream(out);
let chunk = '';
for await (const row of db.each<{ r: number; k1: string; k2: string; importer_country: string; subject_json: string; quantities: string }>((last) => ({
  sql: `SELECT e.rowid AS r, json_extract(e.subject_json, '$.date') AS k1, e.permit_number AS k2, p.importer_country, p.subject_json, e.subject_json AS quantities
          FROM endorsement e JOIN permit p ON p.permit_number = e.permit_number
         WHERE e.rowid > ? AND substr(json_extract(e.subject_json, '$.date'), 1, 4) = '2026'
         ORDER BY e.rowid`,
  params: [last?.r ?? 0],
}))) {
  chunk += `${row.k2},${row.k1},${row.importer_country},${row.subject_json.length},${row.quantities.length}\n`;
  if (chunk.length > 65_536) {
    if (!stream.write(chunk)) await once(stream, 'drain');
    chunk = '';
  }
}
stream.end(chunk);
await once(stream, 'finish');
await db.close();
