import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allContracts } from "@/app/api/v1/_contracts";
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

  it("gives every operation a unique operationId and a scope decision, and names its error codes", async () => {
    const ids = allContracts.map((c) => c.operationId);
    expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const c of allContracts) expect(c.tokenScope === null || typeof c.tokenScope === "string", c.operationId).toBe(true);
    const doc = (await (await GET(new Request("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) })).json()) as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: { allOf?: { properties?: { code?: { enum: string[] } } }[] } }> }> }>>;
    };
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(op.responses["405"], op.operationId).toBeDefined();
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          const codes = response.content?.["application/problem+json"]?.schema.allOf?.[1]?.properties?.code?.enum;
          expect(codes?.length, `${op.operationId} ${status}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("carries a request example and a response example for every JSON body, each valid against its own schema", () => {
    const missing: string[] = [];
    for (const c of allContracts) {
      if (c.body) {
        if (c.bodyExample === undefined) missing.push(`${c.operationId} request`);
        else expect(c.body.safeParse(c.bodyExample).error, `${c.operationId} request example`).toBeUndefined();
      }
      for (const [status, spec] of Object.entries(c.responses)) {
        const isJson = (spec.contentType ?? "application/json") === "application/json";
        if (!spec.schema || !isJson) continue;
        if (spec.example === undefined) missing.push(`${c.operationId} ${status}`);
        else expect(spec.schema.safeParse(spec.example).error, `${c.operationId} ${status} example`).toBeUndefined();
      }
    }
    expect(missing).toEqual([]);
  });
});
