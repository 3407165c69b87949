import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Category } from '../../../api/handoff-schemas';
import { formatDateTime } from '../../../lib/time';
import { categoryLabels } from '../labels';

interface ItemRow {
  handoffId: string;
  ticketNumber: number;
  category: Category;
  at: string;
  by: string;
}

/** Items behind a figure, each a link to its checkpoint; `extra` adds the figure's own columns. */
export function ItemTable<T extends ItemRow>({
  caption,
  items,
  extra,
}: {
  caption: string;
  items: readonly T[];
  extra: { header: string; cell: (item: T) => ReactNode }[];
}) {
  if (items.length === 0) return null;
  return (
    <table className="dash-items">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Ticket</th>
          <th scope="col">Category</th>
          {extra.map((e) => (
            <th key={e.header} scope="col">
              {e.header}
            </th>
          ))}
          <th scope="col">By</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.handoffId}-${item.at}`}>
            <th scope="row">
              <Link to="/handoffs/$handoffId" params={{ handoffId: item.handoffId }}>
                #{item.ticketNumber}
              </Link>
            </th>
            <td>{categoryLabels[item.category]}</td>
            {extra.map((e) => (
              <td key={e.header}>{e.cell(item)}</td>
            ))}
            <td>{item.by}</td>
            <td>{formatDateTime(item.at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
