import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

const ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");
type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    // Private folders and the catch-all that answers unknown paths with a 404 are not operations.
    if (statSync(full).isDirectory()) return entry.startsWith("_") || entry.startsWith("[...") ? [] : routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

function openApiPath(file: string): string {
  const rel = path.relative(ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
  return "/api/v1" + rel.map((s) => "/" + s.replace(/^\[(.+)\]$/, "{$1}")).join("");
}

describe("OpenAPI document", () => {
  it("documents every method of every /api/v1 route file, and nothing that does not exist", async () => {
    const res = await GET(new Request("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");

    const implemented = new Set<string>();
    for (const file of routeFiles(ROOT)) {
      // Every route module exports all methods (lib/http/api-methods.ts); its Allow header names the real ones.
      const mod = (await import(file)) as { OPTIONS: Handler };
      const options = await mod.OPTIONS(new Request("http://localhost/", { method: "OPTIONS" }), { params: Promise.resolve({}) });
      const allow = (options.headers.get("allow") ?? "").split(", ").filter((m) => m !== "HEAD" && m !== "OPTIONS");
      expect(allow.length, file).toBeGreaterThan(0);
      for (const method of allow) implemented.add(`${method} ${openApiPath(file)}`);
    }
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths)) {
      if (!p.startsWith("/api/v1")) continue;
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${p}`);
    }
    expect([...implemented].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !implemented.has(r))).toEqual([]);
  });
});
