// GET /api/supervision/export-all?year= - ZIP of the final DOCX and PDF of every signed subordinate report, streamed
import { z } from "zod";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toRouteErrorResponse } from "@/lib/http";
import { yearSchema } from "@/lib/schemas/supervision";
import { exportSignedReports } from "@/lib/supervision";

export const dynamic = "force-dynamic";

const querySchema = z.object({ year: yearSchema });

export async function GET(request: Request) {
  try {
    const user = await requireUser("supervision.read");
    const { year } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const archive = await exportSignedReports({ db: await getDb(), user, year });
    const fileName = `${user.agencyName}下级机关${year}年度报告.zip`;
    return new Response(archive.stream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "no-store",
        "X-Report-Count": String(archive.reports.length),
      },
    });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
