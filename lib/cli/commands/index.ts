import type { CliCommand } from "../types";

export interface CliCommandEntry {
  /** One line, Chinese, for `--help`. */
  summary: string;
  /** Usage line, e.g. "validate <file> [--json]". */
  usage: string;
  /** The command's own module, loaded only when it runs (its database, engines and importers with it). */
  load: () => Promise<{ default: CliCommand }>;
}

/** Every CLI command. Help is printed from here without loading any command. */
export const COMMANDS: Record<string, CliCommandEntry> = {
  backup: {
    summary: "把整个系统或一个机关的全部数据备份为一个 JSON 文件（可在内置数据库与 PostgreSQL 之间迁移）",
    usage: "backup <file> [--agency 机关名称]",
    load: () => import("./backup"),
  },
  "create-user": {
    summary: "创建用户；系统中还没有用户时，同时创建第一个机关并设为管理员",
    usage: "create-user --username U --password P --name 姓名 --agency 机关 [--level department] [--roles drafter,reviewer] [--email 邮箱]",
    load: () => import("./create-user"),
  },
  export: {
    summary: "把报告导出为符合 GB/T 9704 版式的 DOCX 或 PDF（默认带“草稿”标记）",
    usage:
      "export <文件> --format docx|pdf -o <输出文件> [--final] [--font-profile gb2312|windows] [--page-number center|outside] [--agency-mark 发文机关标志] [--signer 签发人] [--attachments 附件1；附件2] [--sealed] [--imprint-agency 印发机关] [--imprint-date YYYY-MM-DD]",
    load: () => import("./export"),
  },
  "export-all": {
    summary: "把督导机关所有下级机关已签发的年度报告（正式版 DOCX 和 PDF）打包为一个 ZIP",
    usage: "export-all --year 2025 -o <输出.zip> [--agency 督导机关] [--user 督导用户名]",
    load: () => import("./export-all"),
  },
  import: {
    summary: "导入上一年度报告（.docx、.txt、.html、.pdf），识别标题、机关、年度和各部分",
    usage: "import <文件> [--json]",
    load: () => import("./import"),
  },
  migrate: {
    summary: "应用数据库迁移（内置数据库或 DATABASE_URL 指定的服务器）",
    usage: "migrate",
    load: () => import("./migrate"),
  },
  restore: {
    summary: "从备份文件恢复数据（一个事务内完成；遇到相同编号的记录时拒绝，除非加 --replace）",
    usage: "restore <file> [--replace]",
    load: () => import("./restore"),
  },
  rollforward: {
    summary: "沿用上一年度报告生成本年度草稿（年份顺延、数字标记待更新、生成承诺事项清单）",
    usage: "rollforward <文件> -o <输出.nianbao.json>",
    load: () => import("./rollforward"),
  },
  serve: {
    summary: "迁移数据库、按需构建，并启动服务（npm start 即此命令）",
    usage: "serve [--no-build]",
    load: () => import("./serve"),
  },
  "setup-fonts": {
    summary: "准备 PDF 导出用的开源替代字体（Fandol、Noto Serif CJK、Liberation Serif），已存在则跳过",
    usage: "setup-fonts [--profile gb2312|windows]",
    load: () => import("./setup-fonts"),
  },
  summary: {
    summary: "汇总督导机关所有下级机关年度报告的主要指标（与上年对比、合计），写出 XLSX 或 CSV",
    usage: "summary --year 2025 -o <汇总.xlsx|汇总.csv> [--agency 督导机关] [--user 督导用户名]",
    load: () => import("./summary"),
  },
  validate: {
    summary: "校验年度报告，逐条列出问题（存在错误级问题时退出码为1）",
    usage: "validate <file> [--json]",
    load: () => import("./validate"),
  },
};
