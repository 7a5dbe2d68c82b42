// GET /api/health - liveness and database check (no data, no auth)
import { checkDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await checkDatabase();
    return Response.json({ ok: true });
  } catch (error) {
    // The cause names DATA_DIR or DATABASE_URL for the operator; the anonymous caller only learns "unavailable".
    console.error(`[health] 数据库不可用：${error instanceof Error ? error.message : String(error)}`);
    return Response.json({ ok: false, message: "数据库不可用" }, { status: 503 });
  }
}
