import { apiRoute } from "@/lib/api-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/compliance/{framework}/attestations");
export const POST = apiRoute("POST /api/compliance/{framework}/attestations");
