import { apiRoute } from "@/lib/api-routes";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/clusters/{id}/write-credential");
export const PUT = apiRoute("PUT /api/clusters/{id}/write-credential");
export const DELETE = apiRoute("DELETE /api/clusters/{id}/write-credential");
