import { apiRoute } from "@/lib/api-routes";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute("PATCH /api/ticket-integrations/{id}");
export const DELETE = apiRoute("DELETE /api/ticket-integrations/{id}");
