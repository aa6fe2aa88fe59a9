import { describe, expect, it } from "vitest";
import { testCardInput, testCardOutcome } from "./test-cards";

const card = { cardNumber: "4242 4242 4242 4242", expiry: "12/40", cvc: "123", name: "Ada Lovelace" };

describe("test cards", () => {
  it("succeeds with 4242 4242 4242 4242 and declines 4000 0000 0000 0002, however they are spaced", () => {
    expect(testCardOutcome(testCardInput.parse(card).cardNumber)).toBe("succeeded");
    expect(testCardOutcome(testCardInput.parse({ ...card, cardNumber: "4000-0000-0000-0002" }).cardNumber)).toBe("declined");
  });

  it("gives every other card number, a past expiry and a short CVC a form error naming the field", () => {
    const result = testCardInput.safeParse({ ...card, cardNumber: "5555 5555 5555 4444", expiry: "01/20", cvc: "1" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["cardNumber", "cvc"]));
    expect(testCardInput.safeParse({ ...card, expiry: "01/20" }).error?.issues.map((i) => i.path.join("."))).toEqual(["expiry"]);
  });
});
