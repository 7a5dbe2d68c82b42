import { eq } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";

/** The name shown for "saved by"; empty when unknown. */
export async function findDisplayName(db: Database, userId: string | null): Promise<string> {
  if (!userId) return "";
  const [row] = await db.select({ displayName: tables.users.displayName }).from(tables.users).where(eq(tables.users.id, userId));
  return row?.displayName ?? "";
}
