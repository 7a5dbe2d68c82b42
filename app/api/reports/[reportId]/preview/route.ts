// POST /api/reports/:id/preview - A4 page images (SVG) of the given content in the PDF layout
import { z } from "zod";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { assertSameOrigin, readJsonBody, toRouteErrorResponse } from "@/lib/http";
import { reportSchema } from "@/lib/report-model";
import { previewReport } from "@/lib/reports";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ content: reportSchema.optional() });

export async function POST(request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  try {
    const user = await requireUser("report.read");
    assertSameOrigin(request);
    const { reportId } = await params;
    const { content } = bodySchema.parse(await readJsonBody(request, 5 * 1024 * 1024));
    return Response.json({ ok: true, data: await previewReport({ db: await getDb(), user, reportId, content }) });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
