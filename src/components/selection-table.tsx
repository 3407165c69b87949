import type { ReactNode } from 'react';
import './selection-table.css';

/*
 * The lead's list screens (people, webhook endpoints, deliveries, agents) share one shape: a
 * table with a caption for screen readers, a header row, and rows a person selects by their
 * first cell to see the detail below the table.
 */

export function SelectionTable({
  className,
  caption,
  columns,
  children,
}: {
  className: string;
  caption: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <table className={`selection-table ${className}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A row whose first cell selects it; `id` is the small grey identifier after the name. */
export function SelectableRow({
  selected,
  onSelect,
  label,
  id,
  children,
}: {
  selected: boolean;
  onSelect: () => void;
  label: ReactNode;
  id?: string;
  children: ReactNode;
}) {
  return (
    <tr
      aria-current={selected ? 'true' : undefined}
      className={selected ? 'is-selected' : undefined}
    >
      <th scope="row">
        <button type="button" className="link-button" onClick={onSelect}>
          {label}
        </button>
        {id ? (
          <>
            {' '}
            <span className="row-id">{id}</span>
          </>
        ) : null}
      </th>
      {children}
    </tr>
  );
}
