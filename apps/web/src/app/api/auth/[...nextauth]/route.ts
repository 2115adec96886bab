import NextAuth from "next-auth";
import { authOptions } from "@/modules/auth/server/auth-options";

// next-auth's own routes (sign-in, callback, csrf, session); CSRF is handled by next-auth here.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions());
}
export { handler as GET, handler as POST };
