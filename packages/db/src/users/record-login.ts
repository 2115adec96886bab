import { db } from "../client";

export async function recordLogin(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { lastLoginAt: new Date() } });
}
