import type { ReactNode } from "react";

/** A column heading; `hidden` keeps it for screen readers only (an actions column). */
export type Column = string | { label: string; hidden: true };

/**
 * The dashboard's list table: header row from `columns`, rows as `children`. Cell padding is set
 * here for every `td`, so rows only add what is particular to a cell. `compact` suits long admin
 * lists; `framed: false` for a table that already sits in a Card.
 *
 * Under the lg breakpoint each row becomes a card (globals.css `.data-table`): a cell shows its
 * column name from `data-label`, so rows should set it on every `td` but the actions one.
 */
export function DataTable({
  columns,
  children,
  testId,
  compact = false,
  framed = true,
}: {
  columns: readonly Column[];
  children: ReactNode;
  testId?: string;
  compact?: boolean;
  framed?: boolean;
}) {
  const cell = compact ? "px-4 py-2" : "px-4 py-3";
  return (
    <div className={framed ? "rounded-xl border border-slate-200 bg-white lg:overflow-x-auto" : "lg:overflow-x-auto"}>
      <table className={`data-table w-full text-left text-sm ${compact ? "lg:[&_td]:px-4 lg:[&_td]:py-2" : "lg:[&_td]:px-4 lg:[&_td]:py-3"}`} data-testid={testId}>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col" className={cell}>
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className={cell}>
                  <span className="sr-only">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** The row's actions: they wrap onto a second line rather than push past the table's edge. */
export function RowActions({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap items-center gap-x-4 gap-y-2 lg:justify-end">{children}</div>;
}
