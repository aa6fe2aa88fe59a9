import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testCtx } from "@/tests/harness/db";
import { unsealVerificationCode } from "./unseal-verification-code";
import { sealCode } from "./verification-code";

describe("unsealVerificationCode", () => {
  it("gives the job the code that was sealed for this code id", () => {
    const codeId = randomUUID();
    expect(unsealVerificationCode({ ctx: testCtx(), input: { codeId, sealedCode: sealCode("048213", codeId) } })).toBe("048213");
  });

  it("refuses a sealed code replayed under another code id", () => {
    const sealedCode = sealCode("048213", randomUUID());
    expect(() => unsealVerificationCode({ ctx: testCtx(), input: { codeId: randomUUID(), sealedCode } })).toThrow();
  });

  it("refuses every user, even an admin: only the mail job reads a code in clear", () => {
    const codeId = randomUUID();
    const admin = { type: "user" as const, userId: randomUUID(), role: "admin" as const, emailVerified: true, sessionId: null };
    expect(() => unsealVerificationCode({ ctx: testCtx(admin), input: { codeId, sealedCode: sealCode("048213", codeId) } })).toThrow(
      expect.objectContaining({ kind: "Forbidden" }),
    );
  });
});
