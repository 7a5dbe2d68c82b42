// GET /api/reports/:id/tracked - the review DOCX (suggestions as tracked changes, open comments as Word comments)
// POST /api/reports/:id/tracked - import a DOCX changed in 修订模式 (multipart "file") as suggestions and comments
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { ReportError } from "@/lib/errors";
import { assertSameOrigin, readFormBody, toRouteErrorResponse } from "@/lib/http";
import { exportReviewDocx, importTrackedDocx } from "@/lib/reports";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  try {
    const user = await requireUser("report.export");
    const { reportId } = await params;
    const file = await exportReviewDocx({ db: await getDb(), user, reportId });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  try {
    const user = await requireUser("report.read");
    assertSameOrigin(request);
    const { reportId } = await params;
    const maxBytes = env.MAX_UPLOAD_MB * 1024 * 1024;
    const form = await readFormBody(request, maxBytes + 64 * 1024, `文件超过 ${env.MAX_UPLOAD_MB} MB，无法导入`);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new ReportError("INVALID_INPUT", "no file", { userMessage: "请选择领导修改过的 Word 文件（.docx）" });
    if (file.size > maxBytes) throw new ReportError("TOO_LARGE", "file too large", { userMessage: `文件超过 ${env.MAX_UPLOAD_MB} MB，无法导入` });
    const bytes = new Uint8Array(await file.arrayBuffer());
    return Response.json({ ok: true, data: await importTrackedDocx({ db: await getDb(), user, reportId, bytes }) });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
