import { apiRoute } from "@/lib/api-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/metrics");
