// GET /api/reports/:id/export?format=docx|pdf[&final=1] - download as DOCX or PDF
import { z } from "zod";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toRouteErrorResponse } from "@/lib/http";
import { exportReport } from "@/lib/reports";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(["docx", "pdf"], { error: "导出格式只能是 docx 或 pdf" }),
  final: z.enum(["0", "1"]).optional(),
});

export async function GET(request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  try {
    const user = await requireUser("report.export");
    const { reportId } = await params;
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const file = await exportReport({ db: await getDb(), user, reportId, format: query.format, isFinal: query.final === "1" });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
        "X-Export-Warnings": encodeURIComponent(file.warnings.join("\n")),
      },
    });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
