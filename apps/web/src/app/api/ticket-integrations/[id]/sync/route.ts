import { apiRoute } from "@/lib/api-routes";

export const dynamic = "force-dynamic";

export const POST = apiRoute("POST /api/ticket-integrations/{id}/sync");
