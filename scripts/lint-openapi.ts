/**
 * `npm run lint:openapi`: builds the OpenAPI document from the route contracts (no server, no
 * database), writes it to a temporary file and runs Spectral's `spectral:oas` rules on it,
 * failing on any warning, so a route added without an operationId, example or valid schema
 * breaks `npm run lint` (and with it CI).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { allContracts } from "@/app/api/v1/_contracts";
import { buildOpenApiDocument } from "@/lib/http/openapi";

const dir = mkdtempSync(path.join(tmpdir(), "evently-openapi-"));
const file = path.join(dir, "openapi.json");
try {
  writeFileSync(file, JSON.stringify(buildOpenApiDocument(allContracts, { version: "0.0.0-lint", serverUrl: "http://localhost:3000" }), null, 2));
  const spectral = path.resolve(import.meta.dirname, "../node_modules/.bin/spectral");
  const run = spawnSync(spectral, ["lint", file, "--ruleset", path.resolve(import.meta.dirname, "../.spectral.yaml"), "--fail-severity", "warn"], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
