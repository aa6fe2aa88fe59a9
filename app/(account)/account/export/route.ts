import { exportAccountData } from "@/lib/account";
import { currentCtx } from "@/lib/web/current-actor";

/** The data export as a download for the signed-in browser (session cookie), the same document as GET /api/v1/me/export. */
export async function GET(): Promise<Response> {
  const ctx = await currentCtx();
  if (ctx.actor.type !== "user") return new Response("Sign in to download your data.", { status: 401, headers: { "cache-control": "no-store" } });
  const data = await exportAccountData({ ctx });
  const day = data.exportedAt.toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="evently-data-${day}.json"`,
      "cache-control": "no-store",
    },
  });
}
