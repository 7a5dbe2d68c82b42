// GET /api/supervision/board?year=&level=&state= - the progress board as UTF-8 CSV (with BOM, for Excel)
import { z } from "zod";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toRouteErrorResponse } from "@/lib/http";
import { yearSchema } from "@/lib/schemas/supervision";
import { BOARD_STATES, boardToCsv, filterBoard, listProgressBoard } from "@/lib/supervision";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  year: yearSchema,
  level: z.string().max(20).optional(),
  state: z.enum(BOARD_STATES, { error: "状态筛选无效" }).optional(),
});

export async function GET(request: Request) {
  try {
    const user = await requireUser("supervision.read");
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const rows = filterBoard(await listProgressBoard({ db: await getDb(), user, year: query.year }), { level: query.level || undefined, state: query.state });
    return new Response(boardToCsv(rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${query.year}年度报告进度.csv`)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
