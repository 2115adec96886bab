import { NextResponse } from "next/server";
import { reportJsonSchema } from "@bulwark/db";

/** The JSON Schema of the JSON report file (public: it describes a format, not anyone's data). */
export function GET() {
  return NextResponse.json(reportJsonSchema(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
