// GET /api/publication/:id?format=html|zip[&download=1] - public version of a signed report: standalone HTML, or HTML + PDF as ZIP
import { z } from "zod";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { ReportError } from "@/lib/errors";
import { toRouteErrorResponse } from "@/lib/http";
import { exportReport } from "@/lib/reports";
import { getPublicVersion, zipStream, type ZipEntry } from "@/lib/supervision";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["html", "zip"], { error: "格式只能是 html 或 zip" }).default("html"), download: z.enum(["0", "1"]).optional() });

/** The page may load nothing at all but its own inline style. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function attachment(fileName: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function GET(request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  try {
    const user = await requireUser("report.export");
    const { reportId } = await params;
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const db = await getDb();
    const version = await getPublicVersion({ db, user, reportId });
    if (version.unresolved.length > 0) {
      throw new ReportError("INVALID_STATE", "personal data left", {
        userMessage: `报告含 ${version.unresolved.length} 处无法自动隐去的个人信息，请新修订删除后再生成公开版本`,
      });
    }
    if (query.format === "html") {
      return new Response(version.html, {
        headers: {
          "Content-Type": "text/html; charset=utf-8",
          "Content-Security-Policy": PAGE_POLICY,
          "Cache-Control": "no-store",
          ...(query.download === "1" ? { "Content-Disposition": attachment(`${version.fileBaseName}.html`) } : {}),
        },
      });
    }
    const entries: ZipEntry[] = [{ name: `${version.fileBaseName}.html`, bytes: new TextEncoder().encode(version.html) }];
    // The PDF prints the same text as the page: with personal data hidden when the redaction changed anything.
    const pdf = await exportReport({
      db,
      user,
      reportId,
      format: "pdf",
      isFinal: true,
      ...(version.redactions.length > 0 ? { publicContent: version.publicReport } : {}),
    });
    entries.push({ name: `${version.fileBaseName}.pdf`, bytes: pdf.bytes });
    if (version.redactions.length > 0) {
      const lines = [
        "公开版本（网页和 PDF）已隐去以下个人信息：",
        ...version.redactions.map((change) => `${change.where}：${change.before} → ${change.after}`),
        "",
        "签发稿本身未改动。",
      ];
      entries.push({ name: "隐去说明.txt", bytes: new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`) });
    }
    async function* files() {
      yield* entries;
    }
    return new Response(zipStream(files()), {
      headers: { "Content-Type": "application/zip", "Content-Disposition": attachment(`${version.fileBaseName}.zip`), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
