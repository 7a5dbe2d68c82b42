import { eq } from "drizzle-orm";

import { createUser, isSetupOpen, setupFirstRun } from "@/lib/accounts";
import { tables } from "@/lib/db";
import { toErrorBody } from "@/lib/errors";
import { AGENCY_LEVELS, isAgencyLevel, isRole, ROLES } from "@/lib/report-model";

import { openCliDatabase } from "../open-cli-database";
import { CliInputError, parseArgs, type CliCommand } from "../types";

const command: CliCommand = {
  async run(args, io) {
    const { positionals, options } = parseArgs(args, { strings: ["username", "password", "name", "agency", "level", "roles", "email"] });
    if (positionals.length > 0) throw new CliInputError(`多余的参数：${positionals.join(" ")}`);
    const text = (key: string) => (typeof options[key] === "string" ? (options[key] as string) : undefined);
    const username = text("username");
    const password = text("password");
    const displayName = text("name") ?? username;
    const agencyName = text("agency");
    if (!username || !password || !agencyName) throw new CliInputError("需要 --username、--password 和 --agency");
    const level = text("level") ?? "department";
    if (!isAgencyLevel(level)) throw new CliInputError(`--level 只能是 ${AGENCY_LEVELS.join("、")}`);
    const roleNames = (text("roles") ?? "admin").split(",").map((role) => role.trim());
    const unknownRole = roleNames.find((role) => !isRole(role));
    if (unknownRole !== undefined) throw new CliInputError(`未知角色“${unknownRole}”，可选：${ROLES.join("、")}`);
    const roles = roleNames.filter(isRole);

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
      await createUser({ db, agencyId, input: { username, displayName: displayName!, password, roles, email: text("email") } });
      io.stdout(`已在“${agencyName}”创建用户 ${username}（${roles.join("、")}）。`);
      return 0;
    } catch (error) {
      const body = toErrorBody(error);
      if (body) throw new CliInputError(body.fieldErrors ? Object.values(body.fieldErrors).flat().join("；") : body.message);
      throw error;
    } finally {
      await handle.close();
    }
  },
};

export default command;
