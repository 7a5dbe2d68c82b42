/**
 * The import boundaries hold: for each folder, a probe that crosses the boundary is an error and one that stays
 * inside it is clean. The probes are linted as text at a path inside the folder (no file is written).
 */
import path from "node:path";

import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..", "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

const CROSSINGS: Array<[folder: string, file: string, source: string]> = [
  ["report-model → validation", "lib/report-model/probe.ts", 'import { validateReport } from "@/lib/validation";\nexport const x = validateReport;\n'],
  ["report-model → node:fs", "lib/report-model/probe.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
  ["validation → node:fs", "lib/validation/rules/probe.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
  ["validation → reports verbs", "lib/validation/probe.ts", 'import { getReport } from "@/lib/reports";\nexport const x = getReport;\n'],
  [
    "validation → database by relative path",
    "lib/validation/rules/probe.ts",
    'import { openDatabase } from "../../db/client";\nexport const x = openDatabase;\n',
  ],
  ["validation → react", "lib/validation/probe.ts", 'import { useState } from "react";\nexport const x = useState;\n'],
  ["reuse → node:path", "lib/reuse/probe.ts", 'import path from "node:path";\nexport const x = path;\n'],
  ["reuse → database", "lib/reuse/probe.ts", 'import { tables } from "@/lib/db";\nexport const x = tables;\n'],
  ["text → report-model", "lib/text/probe.ts", 'import { docToText } from "@/lib/report-model";\nexport const x = docToText;\n'],
  ["text → node:fs", "lib/text/probe.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
  ["workflow rules → database", "lib/report-model/workflow/probe.ts", 'import { tables } from "@/lib/db";\nexport const x = tables;\n'],
  [
    "workflow rules → workflow verbs",
    "lib/report-model/workflow/probe.ts",
    'import { transitionReport } from "@/lib/workflow";\nexport const x = transitionReport;\n',
  ],
  ["schemas → auth", "lib/schemas/probe.ts", 'import { requireUser } from "@/lib/auth";\nexport const x = requireUser;\n'],
  ["export → next", "lib/export/docx/probe.ts", 'import { headers } from "next/headers";\nexport const x = headers;\n'],
  ["export → reports verbs", "lib/export/probe.ts", 'import { getReport } from "@/lib/reports";\nexport const x = getReport;\n'],
  ["import → database driver", "lib/import/probe.ts", 'import pg from "pg";\nexport const x = pg;\n'],
  ["import → workflow", "lib/import/probe.ts", 'import { transitionReport } from "@/lib/workflow";\nexport const x = transitionReport;\n'],
  ["components → auth", "components/report/probe.tsx", 'import { requireUser } from "@/lib/auth/require-user";\nexport const x = requireUser;\n'],
  [
    "components → workflow verbs",
    "components/report/probe.tsx",
    'import { listAssignments } from "@/lib/workflow/list-assignments";\nexport const x = listAssignments;\n',
  ],
  ["components → admin", "components/workflow/probe.tsx", 'import { listUsers } from "@/lib/admin";\nexport const x = listUsers;\n'],
  ["components → drizzle", "components/report/probe.tsx", 'import { eq } from "drizzle-orm";\nexport const x = eq;\n'],
  ["app → database tables", "app/(workspace)/probe/page.tsx", 'import { tables } from "@/lib/db";\nexport const x = tables;\n'],
  ["app → database schema", "app/api/probe/route.ts", 'import { reports } from "@/lib/db/schema";\nexport const x = reports;\n'],
  ["app → drizzle", "app/api/probe/route.ts", 'import { eq } from "drizzle-orm";\nexport const x = eq;\n'],
];

const ALLOWED: Array<[folder: string, file: string, source: string]> = [
  [
    "validation → report-model",
    "lib/validation/rules/probe.ts",
    'import { docToText } from "@/lib/report-model";\nimport { isInRanges } from "../text/spans";\nexport const x = [docToText, isInRanges];\n',
  ],
  ["report-model → zod", "lib/report-model/probe.ts", 'import { z } from "zod";\nexport const x = z;\n'],
  ["validation → text", "lib/validation/rules/probe.ts", 'import { textSimilarity } from "@/lib/text/similarity";\nexport const x = textSimilarity;\n'],
  ["reuse → text", "lib/reuse/probe.ts", 'import { bigramCounts } from "@/lib/text/similarity";\nexport const x = bigramCounts;\n'],
  [
    "components → workflow rules next to the model",
    "components/workflow/probe.tsx",
    'import { deadlineStatuses, describeTransitions } from "@/lib/report-model";\nexport const x = [deadlineStatuses, describeTransitions];\n',
  ],
  [
    "export → docx and node:path",
    "lib/export/docx/probe.ts",
    'import path from "node:path";\nimport { Document } from "docx";\nexport const x = [path, Document];\n',
  ],
  ["components → validation", "components/report/probe.tsx", 'import { validateReport } from "@/lib/validation";\nexport const x = validateReport;\n'],
  [
    "components → type from a server verb",
    "components/report/probe.tsx",
    'import type { AssignmentView } from "@/lib/workflow/list-assignments";\nexport type X = AssignmentView;\n',
  ],
  ["app → database handle", "app/api/probe/route.ts", 'import { getDb } from "@/lib/db";\nexport const x = getDb;\n'],
];

describe("import boundaries (ESLint allow-lists)", () => {
  it.each(CROSSINGS)("refuses %s", async (_name, file, source) => {
    expect(await restrictedImports(file, source)).not.toEqual([]);
  });

  it.each(ALLOWED)("allows %s", async (_name, file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });
});
