import { describe, expect, it } from "vitest";
import { withDeadline } from "./deadline";

describe("withDeadline", () => {
  it("answers with the work when it settles in time", async () => {
    await expect(withDeadline(Promise.resolve(7), 50)).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error("boom")), 50)).rejects.toThrow("boom");
  });

  it("rejects with the timeout error when the work takes too long", async () => {
    const never = new Promise<number>(() => {});
    await expect(withDeadline(never, 20)).rejects.toThrow("no answer within 20 ms");
    await expect(withDeadline(never, 20, () => new RangeError("late"))).rejects.toBeInstanceOf(RangeError);
  });
});
