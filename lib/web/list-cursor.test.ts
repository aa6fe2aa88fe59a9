import { describe, expect, it } from "vitest";
import { decodeCursor } from "@/lib/domain/cursor";
import { loadFromCursor, STALE_CURSOR_NOTICE } from "./list-cursor";
import { searchParam } from "./search-param";

const load = async (cursor: string | undefined) => (cursor ? [decodeCursor(cursor).id] : ["first page"]);

describe("a page's list from its ?cursor=", () => {
  it("shows the first page with a notice for a cursor the list did not hand out, or a repeated one", async () => {
    for (const cursor of ["x", Buffer.from(JSON.stringify(["2026-13-45T99:99:99.000000Z", "0b6a3f5e-8a4b-4c1e-9f2a-1d2c3b4a5f60"])).toString("base64url"), ["a", "b"]]) {
      expect(await loadFromCursor(cursor, load)).toEqual({ page: ["first page"], notice: STALE_CURSOR_NOTICE });
    }
  });

  it("shows the first page without a notice when there is no cursor, and passes other failures on", async () => {
    expect(await loadFromCursor(undefined, load)).toEqual({ page: ["first page"] });
    expect(await loadFromCursor("", load)).toEqual({ page: ["first page"] });
    await expect(loadFromCursor("x", async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
  });
});

describe("a page's query parameter", () => {
  it("takes the first of repeated values and drops NUL characters", () => {
    expect(searchParam(["a", "b"])).toBe("a");
    expect(searchParam("a\u0000b")).toBe("ab");
    expect(searchParam(undefined)).toBeUndefined();
  });
});
