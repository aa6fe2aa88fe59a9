import { z } from "zod";

/** The test provider's cards, as Stripe's test cards: one that always succeeds, one always declined. */
export const SUCCEEDING_TEST_CARD = "4242424242424242";
export const DECLINED_TEST_CARD = "4000000000000002";
export const DECLINED_REASON = "Your card was declined.";

export type TestCardOutcome = "succeeded" | "declined";

const digits = (v: string) => v.replace(/[\s-]/g, "");

/**
 * A card as typed on the pay page. Only the two test cards are taken; any other number gets a
 * form error saying which ones work, since no real card can be charged here.
 */
export const testCardInput = z
  .object({
    cardNumber: z
      .string()
      .transform(digits)
      .refine((n) => n === SUCCEEDING_TEST_CARD || n === DECLINED_TEST_CARD, {
        message: "Use a test card: 4242 4242 4242 4242 (succeeds) or 4000 0000 0000 0002 (declined).",
      }),
    expiry: z
      .string()
      .trim()
      .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, "Enter the expiry as MM/YY."),
    cvc: z
      .string()
      .trim()
      .regex(/^\d{3,4}$/, "Enter the 3 or 4 digits on the back of the card."),
    name: z.string().trim().min(1, "Enter the name on the card.").max(200),
  })
  .superRefine((card, issues) => {
    const [, mm, yy] = /^(\d{2})\s*\/\s*(\d{2})$/.exec(card.expiry) ?? [];
    const now = new Date();
    const endOfMonth = new Date(Date.UTC(2000 + Number(yy), Number(mm), 1));
    if (mm && yy && endOfMonth <= now) issues.addIssue({ code: "custom", path: ["expiry"], message: "This card has expired." });
  });

export function testCardOutcome(cardNumber: string): TestCardOutcome {
  return digits(cardNumber) === SUCCEEDING_TEST_CARD ? "succeeded" : "declined";
}
