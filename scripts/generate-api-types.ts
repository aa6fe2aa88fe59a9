/**
 * `npm run api:types`: regenerates e2e/generated/evently-api.d.ts, the TypeScript types a
 * third-party client would generate from our OpenAPI document with openapi-typescript. The
 * generated-client journey (e2e/generated-client.spec.ts) is written against them and checks
 * that the served document still generates exactly this file.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { allContracts } from "@/app/api/v1/_contracts";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { typesFromDocument } from "@/e2e/support/api-types";

const document = buildOpenApiDocument(allContracts, { version: "0.0.0", serverUrl: "http://localhost:3000" });
const target = path.resolve(import.meta.dirname, "../e2e/generated/evently-api.d.ts");
void typesFromDocument(document).then((types) => {
  writeFileSync(target, types);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
});
