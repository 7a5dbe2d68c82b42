import { openCliDatabase } from "../open-cli-database";
import type { CliCommand } from "../types";

const command: CliCommand = {
  async run(_args, io) {
    const handle = await openCliDatabase();
    await handle.close();
    io.stdout(`数据库已是最新结构（${handle.kind === "postgres" ? "PostgreSQL" : "内置 PGlite"}）。`);
    return 0;
  },
};

export default command;
