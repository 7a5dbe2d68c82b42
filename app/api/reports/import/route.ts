// POST /api/reports/import - read an uploaded file (multipart "file") or pasted text (JSON) into a report preview
import { requireUser } from "@/lib/auth";
import { env } from "@/lib/env";
import { ReportError } from "@/lib/errors";
import { assertSameOrigin, readFormBody, readJsonBody, toRouteErrorResponse } from "@/lib/http";
import { previewImport } from "@/lib/reports";
import { pastedTextSchema } from "@/lib/schemas/import";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const user = await requireUser("report.import");
    assertSameOrigin(request);
    const maxBytes = env.MAX_UPLOAD_MB * 1024 * 1024;
    if ((request.headers.get("content-type") ?? "").includes("application/json")) {
      const { text } = pastedTextSchema.parse(await readJsonBody(request, maxBytes));
      return Response.json({ ok: true, data: await previewImport({ user, source: { text }, maxBytes, signal: request.signal }) });
    }
    const form = await readFormBody(request, maxBytes + 64 * 1024, `文件超过 ${env.MAX_UPLOAD_MB} MB，无法导入`);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new ReportError("INVALID_INPUT", "no file", { userMessage: "请选择要导入的文件" });
    const bytes = new Uint8Array(await file.arrayBuffer());
    return Response.json({ ok: true, data: await previewImport({ user, source: { bytes, fileName: file.name }, maxBytes, signal: request.signal }) });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
