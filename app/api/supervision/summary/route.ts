// GET /api/supervision/summary?year=&format=xlsx|csv - the indicator summary of the subordinate agencies
import { z } from "zod";

import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { toRouteErrorResponse } from "@/lib/http";
import { yearSchema } from "@/lib/schemas/supervision";
import { getSupervisionSummary, summaryToCsv } from "@/lib/supervision";

export const dynamic = "force-dynamic";

const querySchema = z.object({ year: yearSchema, format: z.enum(["xlsx", "csv"], { error: "格式只能是 xlsx 或 csv" }).default("xlsx") });

export async function GET(request: Request) {
  try {
    const user = await requireUser("supervision.read");
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const data = await getSupervisionSummary({ db: await getDb(), user, year: query.year });
    const fileName = `${user.agencyName}${query.year}年度法治政府建设指标汇总.${query.format}`;
    const headers = { "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`, "Cache-Control": "no-store" };
    if (query.format === "csv") return new Response(summaryToCsv(data.summary), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
    const { summaryToXlsx } = await import("@/lib/supervision/summary-xlsx");
    const bytes = await summaryToXlsx(data);
    return new Response(Buffer.from(bytes), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
  } catch (error) {
    return toRouteErrorResponse(error);
  }
}
