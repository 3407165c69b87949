import type { ReactNode } from 'react';
import './selection-table.css';

/*
 * The lead's list screens (people, webhook endpoints, deliveries, agents) share one shape: a
 * table with a caption for screen readers, a header row, and rows a person selects by their
 * first cell to see the detail below the table.
 */

interface SelectionTableProps {
  className: string;
  caption: string;
  columns: readonly string[];
  children: ReactNode;
}

export function SelectionTable({ className, caption, columns, children }: SelectionTableProps) {
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

/**
 * A SelectionTable with one selectable row per record, or `empty` in the table's place while
 * there are no records (null says nothing, e.g. while the list is still loading). `label` names
 * the row in its first cell; `cells` fills the others, told whether the row is the selected one.
 */
export function SelectionList<T extends { id: string }>({
  rows,
  selected,
  onSelect,
  label,
  showId,
  cells,
  empty,
  ...table
}: Omit<SelectionTableProps, 'children'> & {
  rows: readonly T[];
  selected: T | null;
  onSelect: (record: T) => void;
  label: (record: T) => ReactNode;
  /** Show each record's id after its name. */
  showId?: boolean;
  cells: (record: T, isSelected: boolean) => ReactNode;
  empty: ReactNode;
}) {
  if (rows.length === 0) return empty;
  return (
    <SelectionTable {...table}>
      {rows.map((r) => {
        const isSelected = r.id === selected?.id;
        return (
          <SelectableRow
            key={r.id}
            selected={isSelected}
            onSelect={() => onSelect(r)}
            label={label(r)}
            id={showId ? r.id : undefined}
          >
            {cells(r, isSelected)}
          </SelectableRow>
        );
      })}
    </SelectionTable>
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
