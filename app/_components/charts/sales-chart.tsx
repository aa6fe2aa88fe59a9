"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatDay, formatMoney, formatMoneyCompact } from "./format";

export type SalesPoint = { date: string; seatsSold: number; seatsCancelled: number; grossCents: number; refundsCents: number; bookings: number };

/** Both axes start at zero: every series is a count or an amount, never negative. */
const FROM_ZERO: [number, "auto"] = [0, "auto"];
const MONEY_SERIES = new Set(["Sales", "Refunds"]);

/**
 * Seats sold and cancelled per day (bars side by side), and that day's sales and refunds in one
 * currency (lines). Days, formats and currency come from the server so the chart reads like the
 * rest of the page. No animation: during a sale the page is reloaded often and should show
 * numbers at once.
 */
export function SalesChart({ data, currency, locale, label }: { data: SalesPoint[]; currency: string; locale: string; label: string }) {
  return (
    <figure aria-label={label} data-testid="sales-chart">
      <ComposedChart responsive data={data} style={{ width: "100%", height: 280 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="date" tickFormatter={(d: string) => formatDay(d, locale)} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={24} />
        <YAxis yAxisId="seats" domain={FROM_ZERO} allowDecimals={false} tickFormatter={(n: number) => formatCount(n, locale)} tick={{ fontSize: 12, fill: "#64748b" }} width={48} />
        <YAxis
          yAxisId="revenue"
          orientation="right"
          domain={FROM_ZERO}
          tickFormatter={(n: number) => formatMoneyCompact(n, currency, locale)}
          tick={{ fontSize: 12, fill: "#64748b" }}
          width={64}
        />
        <Tooltip
          labelFormatter={(d) => formatDay(String(d), locale, "long")}
          formatter={(value, name) => {
            const n = Number(value);
            if (MONEY_SERIES.has(String(name))) return [formatMoney(n, currency, locale), name];
            return [formatCount(n, locale), name];
          }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="seats" dataKey="seatsSold" name="Seats sold" fill="#3b55d9" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar yAxisId="seats" dataKey="seatsCancelled" name="Seats cancelled" fill="#f59e0b" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Line yAxisId="revenue" dataKey="grossCents" name="Sales" type="linear" stroke="#059669" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line yAxisId="revenue" dataKey="refundsCents" name="Refunds" type="linear" stroke="#dc2626" strokeWidth={2} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
      </ComposedChart>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
