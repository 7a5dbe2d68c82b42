// GET /api/reports/:id/content - latest saved content; PUT - save based on a revision (409 on conflict)
import { requireUser } from "@/lib/auth";
import { flushLiveReport } from "@/lib/collab/yjs/flush-live-report";
import { getDb } from "@/lib/db";
import { assertSameOrigin, readJsonBody, toRouteErrorResponse } from "@/lib/http";
import { findDisplayName, getReport, saveReportContent } from "@/lib/reports";
import { saveReportContentSchema } from "@/lib/schemas/report";

export const dynamic = "force-dynamic";

const MAX_CONTENT_BYTES = 5 * 1024 * 1024;

type Context = { params: Promise<{ reportId: string }> };

export async function GET(_request: Request, { params }: Context) {
  try {
    const user = await requireUser("report.read");
    const { reportId } = await params;
    const db = await getDb();
    let row = await getReport({ db, user, reportId });
    // Text co-edited live and acknowledged is in the answer, not only after the write-back's pause.
    if (await flushLiveReport(reportId)) row = await getReport({ db, user, reportId });
    const updatedBy = await findDisplayName(db, row.updatedBy);
    return Response.json({
      ok: true,
      data: { revision: row.revision, updatedAt: row.updatedAt.toISOString(), updatedBy, content: row.content, status: row.status },
    });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}

export async function PUT(request: Request, { params }: Context) {
  try {
    // The verb decides: the drafter edits, a reviewer or approver only suggests (修订), nobody changes a signed report.
    const user = await requireUser("report.read");
    assertSameOrigin(request);
    const { reportId } = await params;
    const input = saveReportContentSchema.parse(await readJsonBody(request, MAX_CONTENT_BYTES));
    const data = await saveReportContent({ db: await getDb(), user, reportId, input });
    return Response.json({ ok: true, data });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
