import { readFile } from "node:fs/promises";
import path from "node:path";

const INIT = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true });`;

const FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

/** Serves the two Swagger UI files from the installed package: no CDN, so the page works offline and under our CSP. */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const headers = { "cache-control": "public, max-age=86400" };
  if (file === "init.js") return new Response(INIT, { headers: { ...headers, "content-type": "text/javascript; charset=utf-8" } });
  const type = FILES[file];
  if (!type) return new Response("Not found", { status: 404 });
  const body = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", file));
  return new Response(body, { headers: { ...headers, "content-type": type } });
}
