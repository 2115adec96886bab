import { db } from "../client";

/** How many accounts the install has (0 on a fresh install: its first user may sign up). */
export async function countUsers(): Promise<number> {
  return db.user.count();
}
