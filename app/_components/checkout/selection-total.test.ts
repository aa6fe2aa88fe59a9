import { describe, expect, it } from "vitest";
import { rowMax, selectionTotal, type TicketOption } from "./selection-total";

const standard: TicketOption = { id: "std", name: "Standard", description: "", priceCents: 2500, seatsAvailable: 40, perOrderMax: 10 };
const vip: TicketOption = { id: "vip", name: "VIP", description: "", priceCents: 9000, seatsAvailable: 3, perOrderMax: 4 };

describe("selectionTotal", () => {
  it("adds every chosen line at its price", () => {
    expect(selectionTotal([standard, vip], { std: 2, vip: 1 }, null)).toEqual({ quantity: 3, subtotalCents: 14000, discountCents: 0, totalCents: 14000 });
  });

  it("takes a percent off only the lines the code is valid for, rounded to the cent", () => {
    const promo = { code: "VIP15", percentOff: 15, amountOffCents: null, ticketTypeIds: ["vip"] };
    expect(selectionTotal([standard, vip], { std: 1, vip: 1 }, promo)).toMatchObject({ discountCents: 1350, totalCents: 10150 });
    const odd = { ...promo, percentOff: 33, ticketTypeIds: null };
    expect(selectionTotal([standard], { std: 1 }, odd).discountCents).toBe(825);
  });

  it("never takes more off than the lines the code covers", () => {
    const promo = { code: "FIFTY", percentOff: null, amountOffCents: 5000, ticketTypeIds: ["std"] };
    expect(selectionTotal([standard, vip], { std: 1, vip: 1 }, promo)).toMatchObject({ discountCents: 2500, totalCents: 9000 });
  });
});

describe("rowMax", () => {
  it("offers the smallest of the type's seats, its per-order cap and the budget the other rows leave", () => {
    expect(rowMax(vip, {}, 10)).toBe(3);
    expect(rowMax(standard, { vip: 3 }, 10)).toBe(7);
    expect(rowMax(standard, { std: 5, vip: 3 }, 4)).toBe(1);
    expect(rowMax(standard, { vip: 3 }, 2)).toBe(0);
  });
});
