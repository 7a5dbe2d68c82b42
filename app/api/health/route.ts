// GET /api/health - liveness and database check (no data, no auth)
import { checkDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await checkDatabase();
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, message: "数据库不可用" }, { status: 503 });
  }
}
