import { apiRoute } from "@/lib/api-routes";
import { withServerTiming } from "@/modules/access/server/server-timing";

export const dynamic = "force-dynamic";

export const GET = withServerTiming(apiRoute("GET /api/access/who-can"), "who-can");
