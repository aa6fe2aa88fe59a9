import type { ReactNode } from "react";
import { colors } from "./theme";

export type DetailRow = { label: string; value: ReactNode };

/**
 * Label/value facts as a real table with row headers, so screen readers announce each label with
 * its value; `data-text-format` makes the plain-text part keep label and value on one line.
 */
export function DetailTable({ rows }: { rows: DetailRow[] }) {
  return (
    <table
      data-text-format="dataTable"
      width="100%"
      cellPadding={0}
      cellSpacing={0}
      style={{ borderCollapse: "collapse", margin: "0 0 24px", width: "100%" }}
    >
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row" align="left" style={{ ...cell, color: colors.muted, fontWeight: 500, width: "35%" }}>
              {row.label}
            </th>
            <td style={{ ...cell, color: colors.text }}>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const cell = {
  borderBottom: `1px solid ${colors.border}`,
  fontSize: "15px",
  lineHeight: "22px",
  padding: "10px 8px 10px 0",
  textAlign: "left",
  verticalAlign: "top",
} as const;
