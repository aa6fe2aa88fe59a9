import type { ReactNode } from "react";

/** A column heading; `hidden` keeps it for screen readers only (an actions column). */
export type Column = string | { label: string; hidden: true };

/**
 * The dashboard's list table: header row from `columns`, rows as `children`. Cell padding is set
 * here for every `td`, so rows only add what is particular to a cell. `compact` suits long admin
 * lists; `framed: false` for a table that already sits in a Card.
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
    <div className={framed ? "overflow-x-auto rounded-xl border border-slate-200 bg-white" : "overflow-x-auto"}>
      <table className={`w-full text-left text-sm ${compact ? "[&_td]:px-4 [&_td]:py-2" : "[&_td]:px-4 [&_td]:py-3"}`} data-testid={testId}>
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
