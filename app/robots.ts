import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

/** Public pages are for search engines; signed-in areas and the API are not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/dashboard", "/admin", "/account", "/bookings", "/orders", "/waitlist", "/api/", "/dev/"] },
    sitemap: new URL("/sitemap.xml", env.APP_URL).toString(),
  };
}
