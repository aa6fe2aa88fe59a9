import { describe, expect, it } from "vitest";
import { decodeCursor, decodeOffsetCursor, encodeCursor, encodeOffsetCursor, toPage } from "./cursor";
import { BadRequest } from "./errors";

const id = "0b6a3f5e-8a4b-4c1e-9f2a-1d2c3b4a5f60";
const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function refusal(run: () => unknown): BadRequest {
  try {
    run();
  } catch (error) {
    return error as BadRequest;
  }
  throw new Error("expected a refusal");
}

describe("the one list cursor", () => {
  it("round-trips a position to the microsecond", () => {
    const position = { at: "2026-06-01T19:00:00.123456Z", id };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    const { page, nextCursor } = toPage([{ cursorAt: position.at, id }, { cursorAt: "2026-06-01T19:00:00.123457Z", id }], 1);
    expect(page).toEqual([{ id }]);
    expect(decodeCursor(nextCursor!)).toEqual(position);
  });

  it.each([
    ["garbage", "x"],
    ["not base64 JSON", "%%%"],
    ["an impossible date", forge(["2026-13-45T99:99:99.000000Z", id])],
    ["February 30th", forge(["2026-02-30T10:00:00.000000Z", id])],
    ["a year before 1970", forge(["0000-01-01T00:00:00.000000Z", id])],
    ["milliseconds only", forge(["2026-06-01T19:00:00.123Z", id])],
    ["a non-uuid id", forge(["2026-06-01T19:00:00.123456Z", "1; drop table"])],
    ["an object", forge({ at: "2026-06-01T19:00:00.123456Z", id })],
    ["three parts", forge(["2026-06-01T19:00:00.123456Z", id, 1])],
    ["a number", forge(42)],
  ])("refuses %s as 400 INVALID_CURSOR on the cursor field", (_, raw) => {
    const error = refusal(() => decodeCursor(raw));
    expect(error).toBeInstanceOf(BadRequest);
    expect(error.code).toBe("INVALID_CURSOR");
    expect(error.fieldErrors).toEqual([{ path: "cursor", message: "is not a cursor from this list" }]);
  });

  it("reads back an offset cursor and refuses anything but a plain count", () => {
    expect(decodeOffsetCursor(encodeOffsetCursor(150))).toBe(150);
    expect(decodeOffsetCursor(undefined)).toBe(0);
    for (const raw of ["x", encodeOffsetCursor(-1), Buffer.from("1e3").toString("base64url"), Buffer.from("99999999999999999999").toString("base64url")]) {
      expect(refusal(() => decodeOffsetCursor(raw)).code).toBe("INVALID_CURSOR");
    }
  });
});
