import { infoRoute } from "@/app/api/v1/_contracts/ops";
import { json, withApi } from "@/lib/http/with-api";
import { buildInfo } from "@/lib/ops/build-info";
import { features } from "@/lib/ops/features";

export const dynamic = "force-dynamic";

export const GET = withApi(infoRoute, async () => json({ ...buildInfo, features: features() }));
