"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatDay, formatMoney, formatMoneyCompact } from "./format";

export type SalesPoint = { date: string; seatsSold: number; seatsCancelled: number; revenueCents: number; bookings: number };

/**
 * Seats sold per day (bars; cancelled seats stacked below zero) and that day's revenue (line).
 * Days, formats and currency come from the server so the chart reads like the rest of the page.
 * No animation: during a sale the page is reloaded often and should show numbers at once.
 */
export function SalesChart({ data, currency, locale, label }: { data: SalesPoint[]; currency: string; locale: string; label: string }) {
  const rows = data.map((d) => ({ ...d, cancelled: -d.seatsCancelled }));
  return (
    <figure aria-label={label} data-testid="sales-chart">
      <ComposedChart responsive data={rows} style={{ width: "100%", height: 280 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="date" tickFormatter={(d: string) => formatDay(d, locale)} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={24} />
        <YAxis yAxisId="seats" allowDecimals={false} tickFormatter={(n: number) => formatCount(n, locale)} tick={{ fontSize: 12, fill: "#64748b" }} width={48} />
        <YAxis
          yAxisId="revenue"
          orientation="right"
          tickFormatter={(n: number) => formatMoneyCompact(n, currency, locale)}
          tick={{ fontSize: 12, fill: "#64748b" }}
          width={64}
        />
        <Tooltip
          labelFormatter={(d) => formatDay(String(d), locale, "long")}
          formatter={(value, name) => {
            const n = Number(value);
            if (name === "Revenue") return [formatMoney(n, currency, locale), name];
            return [formatCount(Math.abs(n), locale), name];
          }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="seats" dataKey="seatsSold" name="Seats sold" stackId="seats" fill="#3b55d9" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar yAxisId="seats" dataKey="cancelled" name="Seats cancelled" stackId="seats" fill="#f59e0b" isAnimationActive={false} />
        <Line yAxisId="revenue" dataKey="revenueCents" name="Revenue" type="linear" stroke="#059669" strokeWidth={2} dot={false} isAnimationActive={false} />
      </ComposedChart>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
