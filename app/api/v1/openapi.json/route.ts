import { allContracts } from "@/app/api/v1/_contracts";
import { openApiRoute } from "@/app/api/v1/_contracts/ops";
import { env } from "@/lib/env";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { buildInfo } from "@/lib/ops/build-info";

let document: unknown;

const get = withApi(openApiRoute, async () => {
  document ??= buildOpenApiDocument(allContracts, { version: buildInfo.version, serverUrl: env.APP_URL });
  return json(document);
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
