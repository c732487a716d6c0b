import type { ResourceLayout } from '../resource-layout.js';

const READ_COLUMNS = new Map<ResourceLayout, readonly string[]>();

/**
 * The columns a read selects: what `fromRecord` rebuilds a resource from (the row's identity, version, `data`,
 * each top-level column attribute and meta's dates) and `seq` for paging. Not the folded and sort copies nor
 * the password hash, which only filters, sorts and writes use: every selected value is a JavaScript string the
 * driver builds, and at 100 rows a page those five unread columns were ~40% of reading the rows.
 */
export function readColumnsOf(layout: ResourceLayout): readonly string[] {
  let columns = READ_COLUMNS.get(layout);
  if (columns === undefined) {
    const attributeColumns = layout.columns
      .filter((column) => !column.key.includes('.') || column.key.startsWith('meta.'))
      .map((column) => column.column);
    columns = [...new Set(['seq', 'org_id', 'version', 'data', ...attributeColumns])];
    READ_COLUMNS.set(layout, columns);
  }
  return columns;
}

/** `readColumnsOf(layout)` as a SELECT list of table alias `alias`. */
export function readColumnsSql(layout: ResourceLayout, alias: string): string {
  return readColumnsOf(layout)
    .map((column) => `${alias}.${column}`)
    .join(', ');
}
