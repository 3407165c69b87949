import type { ReactNode } from 'react';

/** One column: its header and what each row shows in it. */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/**
 * A plain table with one row per record, the first column naming the row (a row header, so a
 * screen reader announces it with every cell). Columns are data, so a table with columns per
 * outcome or per figure is written once.
 */
export function RowTable<T>({
  caption,
  hideCaption,
  rows,
  rowKey,
  columns: [named, ...rest],
  className,
  labelledBy,
}: {
  caption?: string;
  /** For a table whose heading already says what it is. */
  hideCaption?: boolean;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly [Column<T>, ...Column<T>[]];
  className?: string;
  labelledBy?: string;
}) {
  return (
    <table className={className} aria-labelledby={labelledBy}>
      {caption === undefined ? null : (
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
      )}
      <thead>
        <tr>
          {[named, ...rest].map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <th scope="row">{named.cell(row)}</th>
            {rest.map((c) => (
              <td key={c.header}>{c.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
