import { apiRoute } from "@/lib/api-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/compliance/{framework}/scope");
export const PUT = apiRoute("PUT /api/compliance/{framework}/scope");
