/** A table whose rows turn into labelled cards on phones (each cell carries `data-label`). */
import type { ReactNode } from 'react';

export interface Column {
  label: string;
  numeric?: boolean;
  /** Read by screen readers only (e.g. an actions column). */
  hiddenLabel?: boolean;
}

interface DataTableProps {
  columns: Column[];
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  /** Keep the desktop layout on phones too (short, two-column tables). */
  stacked?: boolean;
}

export function DataTable({ columns, children, footer, testId, stacked = true }: DataTableProps) {
  return (
    <div className="table-wrap">
      <table className={stacked ? 'table table--cards' : 'table'} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.hiddenLabel ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}
