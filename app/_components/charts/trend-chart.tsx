"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "./format";

export type TrendPoint = { at: string; value: number };

/** One metric over time (admin panel: job backlog, seats sold), times shown in UTC. */
export function TrendChart({ data, locale, label, color = "#3b55d9" }: { data: TrendPoint[]; locale: string; label: string; color?: string }) {
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  return (
    <figure aria-label={label}>
      <LineChart responsive data={data} style={{ width: "100%", height: 180 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="at" tickFormatter={(t: string) => time.format(new Date(t))} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={32} />
        <YAxis domain={[0, "auto"]} allowDecimals={false} tickFormatter={(n: number) => formatCount(n, locale)} tick={{ fontSize: 12, fill: "#64748b" }} width={48} />
        <Tooltip labelFormatter={(t) => `${time.format(new Date(String(t)))} UTC`} formatter={(v) => [formatCount(Number(v), locale), label]} />
        <Line dataKey="value" name={label} type="monotone" stroke={color} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
