import { apiRoute } from "@/lib/api-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/ticket-integrations");
export const POST = apiRoute("POST /api/ticket-integrations");
