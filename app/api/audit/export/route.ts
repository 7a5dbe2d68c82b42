// GET /api/audit/export?action=&username=&from=&to= - the agency's audit log as UTF-8 CSV (with BOM, for Excel)
import { auditEventsToCsv, listAuditEventsForExport } from "@/lib/admin";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toRouteErrorResponse } from "@/lib/http";
import { beijingDay } from "@/lib/report-model";
import { auditQuerySchema } from "@/lib/schemas/admin";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const user = await requireUser("audit.read");
    const query = auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const csv = auditEventsToCsv(await listAuditEventsForExport({ db: await getDb(), user, query }));
    const day = beijingDay(new Date());
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`审计日志-${day}.csv`)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
