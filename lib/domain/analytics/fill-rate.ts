/** Share of capacity sold, 0..1 rounded to 4 decimals; 0 while the capacity is not known yet. */
export function fillRate(seatsSold: number, capacity: number): number {
  if (capacity <= 0) return 0;
  return Math.round((seatsSold / capacity) * 10_000) / 10_000;
}
