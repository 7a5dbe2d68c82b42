import { eq } from "drizzle-orm";

import { createUser, isSetupOpen, setupFirstRun } from "@/lib/accounts";
import { tables } from "@/lib/db";
import { AGENCY_LEVELS, ROLES, type AgencyLevel, type Role } from "@/lib/report-model";

import { openCliDatabase } from "../open-cli-database";
import { CliInputError, parseArgs, type CliCommand } from "../types";

const command: CliCommand = {
  async run(args, io) {
    const { options } = parseArgs(args);
    const text = (key: string) => (typeof options[key] === "string" ? (options[key] as string) : undefined);
    const username = text("username");
    const password = text("password");
    const displayName = text("name") ?? username;
    const agencyName = text("agency");
    if (!username || !password || !agencyName) throw new CliInputError("需要 --username、--password 和 --agency");
    const level = (text("level") ?? "department") as AgencyLevel;
    if (!AGENCY_LEVELS.includes(level)) throw new CliInputError(`--level 只能是 ${AGENCY_LEVELS.join("、")}`);
    const roles = (text("roles") ?? "admin").split(",").map((role) => role.trim()) as Role[];
    const unknownRole = roles.find((role) => !ROLES.includes(role));
    if (unknownRole) throw new CliInputError(`未知角色“${unknownRole}”，可选：${ROLES.join("、")}`);

    const handle = await openCliDatabase();
    try {
      const db = handle.db;
      if (await isSetupOpen(db)) {
        await setupFirstRun({ db, input: { agencyName, agencyLevel: level, username, displayName: displayName!, password } });
        io.stdout(`已创建机关“${agencyName}”和管理员 ${username}。/setup 页面已关闭。`);
        return 0;
      }
      const [agency] = await db.select().from(tables.agencies).where(eq(tables.agencies.name, agencyName));
      const agencyId = agency?.id ?? (await db.insert(tables.agencies).values({ name: agencyName, level }).returning())[0]!.id;
      await createUser({ db, agencyId, input: { username, displayName: displayName!, password, roles } });
      io.stdout(`已在“${agencyName}”创建用户 ${username}（${roles.join("、")}）。`);
      return 0;
    } catch (error) {
      const issues = (error as { issues?: Array<{ message: string }> }).issues;
      if (issues) throw new CliInputError(issues.map((issue) => issue.message).join("；"));
      if (error instanceof Error && "userMessage" in error) throw new CliInputError(String((error as { userMessage: string }).userMessage));
      throw error;
    } finally {
      await handle.close();
    }
  },
};

export default command;
