import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { typesFromDocument } from "@/e2e/support/api-types";

describe("generated client types", () => {
  it("match what openapi-typescript makes of the served document (run `npm run api:types` after changing a contract)", async () => {
    const res = await GET(new Request("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) });
    const committed = readFileSync(path.resolve(import.meta.dirname, "../../e2e/generated/evently-api.d.ts"), "utf8");
    expect(await typesFromDocument(await res.json())).toBe(committed);
  });
});
