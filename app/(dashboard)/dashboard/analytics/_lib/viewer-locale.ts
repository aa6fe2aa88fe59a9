import { headers } from "next/headers";

const FALLBACK = "en-US";

/**
 * The viewer's preferred locale from Accept-Language (highest q first), among those this
 * runtime's Intl supports; en-US otherwise. Server components pass it to client charts.
 */
export async function viewerLocale(): Promise<string> {
  const header = (await headers()).get("accept-language") ?? "";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag?.trim() ?? "", q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((l) => l.tag && l.tag !== "*" && Number.isFinite(l.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag is skipped like an unsupported one.
    }
  }
  return FALLBACK;
}
