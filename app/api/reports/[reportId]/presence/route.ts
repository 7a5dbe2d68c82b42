// POST /api/reports/:id/presence - heartbeat of an editor window: who else is in the report, its status and revision
import { requireUser } from "@/lib/auth";
import { presenceHeartbeatSchema } from "@/lib/collab";
import { touchPresence } from "@/lib/collab/server";
import { getDb } from "@/lib/db";
import { assertSameOrigin, readJsonBody, toRouteErrorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

const MAX_HEARTBEAT_BYTES = 2048;

type Context = { params: Promise<{ reportId: string }> };

export async function POST(request: Request, { params }: Context) {
  try {
    const user = await requireUser("report.read");
    assertSameOrigin(request);
    const { reportId } = await params;
    const input = presenceHeartbeatSchema.parse(await readJsonBody(request, MAX_HEARTBEAT_BYTES));
    const data = await touchPresence({ db: await getDb(), user, reportId, input });
    return Response.json({ ok: true, data });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
