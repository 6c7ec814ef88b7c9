/**
 * A table's header row: one `<th scope="col">` per column name (WCAG 2.2 technique H63, so a
 * screen reader announces each cell with its column). The console's lists take their column
 * names from their screen's messages, in the officer's language.
 */
export function ColumnHeads({ columns }: { columns: Record<string, string> | readonly string[] }) {
  const names = Array.isArray(columns) ? columns : Object.values(columns);
  return (
    <thead>
      <tr>
        {names.map((name) => (
          <th scope="col" key={name}>
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}
