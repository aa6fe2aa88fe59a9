"use client";

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatPercent } from "./format";

export type FillRateRow = { eventId: string; title: string; fillRate: number; seatsSold: number; capacity: number };

/** Colour tells the story at a glance: nearly sold out is green, slow sellers amber. */
function tone(rate: number): string {
  if (rate >= 0.9) return "#059669";
  if (rate >= 0.5) return "#3b55d9";
  return "#f59e0b";
}

/** Share of capacity sold per event, one horizontal bar each, 0–100 %. */
export function FillRateChart({ data, locale, label }: { data: FillRateRow[]; locale: string; label: string }) {
  const height = Math.max(120, data.length * 36 + 40);
  return (
    <figure aria-label={label} data-testid="fill-rate-chart">
      <BarChart responsive layout="vertical" data={data} style={{ width: "100%", height }} margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" domain={[0, 1]} tickFormatter={(n: number) => formatPercent(n, locale)} tick={{ fontSize: 12, fill: "#64748b" }} />
        <YAxis type="category" dataKey="title" width={160} tick={{ fontSize: 12, fill: "#334155" }} />
        <Tooltip
          formatter={(_value, _name, item) => {
            const row = item.payload as FillRateRow;
            return [`${formatPercent(row.fillRate, locale)} (${formatCount(row.seatsSold, locale)} / ${formatCount(row.capacity, locale)})`, "Filled"];
          }}
        />
        <Bar dataKey="fillRate" name="Filled" radius={[0, 3, 3, 0]} isAnimationActive={false}>
          {data.map((row) => (
            <Cell key={row.eventId} fill={tone(row.fillRate)} />
          ))}
        </Bar>
      </BarChart>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
