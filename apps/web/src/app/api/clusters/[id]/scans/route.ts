import { apiRoute } from "@/lib/api-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/clusters/{id}/scans");
export const POST = apiRoute("POST /api/clusters/{id}/scans");
