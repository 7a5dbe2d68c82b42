import type { ReportMeta } from "./report";

/** The five statutory parts of an annual report (法治政府建设与责任落实督察工作规定). */
export const SECTION_KINDS = ["measures", "problems", "leader_duty", "next_year", "other"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  measures: "主要举措和成效",
  problems: "存在的不足和原因",
  leader_duty: "党政主要负责人履行推进法治建设第一责任人职责情况",
  next_year: "下一年度主要安排",
  other: "其他需要报告的情况",
};

export const AGENCY_LEVELS = ["province", "city", "county", "township", "department"] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, string> = {
  province: "省",
  city: "市",
  county: "县",
  township: "乡镇街道",
  department: "部门",
};

export const ROLES = ["admin", "drafter", "reviewer", "approver", "supervisor"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: "管理员",
  drafter: "起草人",
  reviewer: "审核人",
  approver: "签发人",
  supervisor: "督导",
};

export const REPORT_STATUSES = ["draft", "in_review", "returned", "reviewed", "signed", "published"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: "草稿",
  in_review: "待审核",
  returned: "退回修改",
  reviewed: "已审核",
  signed: "已签发",
  published: "已公开",
};

/** The nine task areas of 《法治政府建设实施纲要（2021－2025年）》, parts 二 to 十. */
export const GANGYAO_AREAS = ["zhineng", "zhidu", "juece", "zhifa", "tufa", "jiufen", "jiandu", "shuzi", "lingdao"] as const;
export type GangyaoArea = (typeof GANGYAO_AREAS)[number];
export const GANGYAO_AREA_LABELS: Record<GangyaoArea, string> = {
  zhineng: "政府机构职能体系",
  zhidu: "依法行政制度体系",
  juece: "行政决策制度体系",
  zhifa: "行政执法工作体系",
  tufa: "突发事件应对体系",
  jiufen: "社会矛盾纠纷预防调处化解体系",
  jiandu: "行政权力制约和监督体系",
  shuzi: "法治政府建设科技保障体系",
  lingdao: "党的领导和推进机制",
};

/** Version of the `.nianbao.json` file format; bump with a migration in `report.ts`. */
/** 分工 status: open until the assignee marks it done. */
export const ASSIGNMENT_STATUSES = ["open", "done"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** What a notification is about. */
export const NOTIFICATION_KINDS = ["submitted", "approved", "returned", "signed", "published", "reopened", "comment", "assignment"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Type guards for values read from outside (database rows, form fields, command-line arguments). */
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const isAgencyLevel = (value: string): value is AgencyLevel => (AGENCY_LEVELS as readonly string[]).includes(value);
export const isReportStatus = (value: string): value is ReportStatus => (REPORT_STATUSES as readonly string[]).includes(value);

export const REPORT_SCHEMA_VERSION = 1;

/** Chinese names of the report's 基本信息 fields, for the history and the merge dialog. */
export const META_FIELD_LABELS: Record<keyof ReportMeta, string> = {
  agency: "机关名称",
  year: "年度",
  title: "标题",
  mainRecipient: "主送机关",
  copyTo: "抄送",
  signature: "署名",
  date: "成文日期",
  docNumber: "文号",
  isPublic: "公开属性",
};
