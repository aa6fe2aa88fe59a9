import { exportMeRoute } from "@/app/api/v1/_contracts/auth";
import { exportAccountData } from "@/lib/account";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(exportMeRoute, async ({ ctx }) => {
  const data = await exportAccountData({ ctx });
  const day = data.exportedAt.toISOString().slice(0, 10);
  return json(data, 200, { "content-disposition": `attachment; filename="evently-data-${day}.json"` });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
