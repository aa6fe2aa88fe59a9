import type { CSSProperties } from "react";

/** One palette for every message; colours meet WCAG AA contrast on their backgrounds. */
export const colors = {
  brand: "#4338ca",
  text: "#1f2937",
  muted: "#4b5563",
  border: "#e5e7eb",
  page: "#f3f4f6",
  card: "#ffffff",
  onBrand: "#ffffff",
} as const;

export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const monoFamily = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

export const paragraph: CSSProperties = {
  color: colors.text,
  fontSize: "16px",
  lineHeight: "24px",
  margin: "0 0 16px",
};
