import { count } from "drizzle-orm";

import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { tables } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { setupSchema, type Setup } from "@/lib/schemas/account";

export interface SetupFirstRunOptions {
  db: Database;
  input: Setup;
  ip?: string;
}

export async function isSetupOpen(db: Database): Promise<boolean> {
  const [row] = await db.select({ total: count() }).from(tables.users);
  return (row?.total ?? 0) === 0;
}

/** Creates the first agency and its administrator; refused once any user exists. */
export async function setupFirstRun({ db, input, ip }: SetupFirstRunOptions): Promise<{ userId: string; agencyId: string }> {
  const data = setupSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  const result = await db.transaction(async (tx) => {
    // Lock the users table so two simultaneous first runs cannot both pass the check.
    await tx.execute("LOCK TABLE users IN EXCLUSIVE MODE");
    const [row] = await tx.select({ total: count() }).from(tables.users);
    if ((row?.total ?? 0) > 0) throw new ReportError("FORBIDDEN", "setup closed", { userMessage: "系统已完成初始化，不能再次设置" });
    const [agency] = await tx.insert(tables.agencies).values({ name: data.agencyName, level: data.agencyLevel }).returning();
    const [user] = await tx.insert(tables.users).values({ username: data.username, displayName: data.displayName, passwordHash }).returning();
    await tx.insert(tables.memberships).values({ userId: user!.id, agencyId: agency!.id, role: "admin" });
    return { userId: user!.id, agencyId: agency!.id };
  });
  await recordAuditEvent({
    db,
    action: "setup",
    user: { id: result.userId, username: data.username, agencyId: result.agencyId },
    detail: { agency: data.agencyName },
    ip,
  });
  return result;
}
