// GET /api/health - liveness and database check (no data, no auth)
import { sql } from "drizzle-orm";

import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, message: "数据库不可用" }, { status: 503 });
  }
}
