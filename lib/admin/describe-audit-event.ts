import { AGENCY_LEVEL_LABELS, REPORT_STATUS_LABELS, ROLE_LABELS, type AgencyLevel, type ReportStatus, type Role } from "@/lib/report-model";

type Detail = Record<string, unknown>;

const AGENCY_FIELD_LABELS: Record<string, string> = {
  name: "机关名称",
  level: "机关层级",
  submissionDeadline: "报送期限",
  disclosureDeadline: "公开期限",
  fontProfile: "导出字体",
  defaultMainRecipient: "默认主送机关",
  defaultSignature: "默认署名",
  "frame.agencyMark": "发文机关标志",
  "frame.signer": "签发人",
  "frame.isSealed": "加盖印章",
  "frame.imprintAgency": "印发机关",
};

const ASSIGNMENT_STATUS_LABELS: Record<string, string> = { open: "进行中", done: "已完成" };

const text = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const status = (value: unknown): string => REPORT_STATUS_LABELS[text(value) as ReportStatus] ?? text(value);
const roles = (value: unknown): string => (Array.isArray(value) ? value.map((role) => ROLE_LABELS[role as Role] ?? String(role)).join("、") : "");
const chineseDate = (value: unknown): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(value));
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : text(value);
};

function describeSource(source: string): string {
  if (source.startsWith("template:")) return "按模板新建";
  if (source.startsWith("rollforward:")) return "沿用往年报告";
  if (source.startsWith("import")) return "导入文件";
  return source;
}

const DESCRIBERS: Record<string, (detail: Detail) => string> = {
  setup: (detail) => `机关：${text(detail.agency)}`,
  sign_in: (detail) => (detail.provider === "oidc" ? "通过统一身份认证" : ""),
  sign_in_failed: (detail) => `用户名：${text(detail.username)}`,
  sign_in_blocked: (detail) => `用户名：${text(detail.username)}（尝试过多，暂缓登录）`,
  sign_in_alert: (detail) => `用户名：${text(detail.username)}，${text(detail.minutes)}分钟内密码错误${text(detail.failures)}次，请核实是否有人试探密码`,
  "report.create": (detail) => {
    const dropped = typeof detail.droppedSuggestions === "number" && detail.droppedSuggestions > 0;
    return `${text(detail.year)}年度，${describeSource(text(detail.source))}${dropped ? `，未带入原报告中未处理的修订${text(detail.droppedSuggestions)}处` : ""}`;
  },
  "report.import": (detail) => {
    const added = Array.isArray(detail.addedParts) && detail.addedParts.length > 0 ? `，补入法定部分${detail.addedParts.length}个` : "";
    return `${text(detail.year)}年度“${text(detail.title)}”${added}`;
  },
  "report.export": (detail) => `${text(detail.format).toUpperCase()}，${detail.isDraft ? "草稿" : "正式稿"}，第${text(detail.revision)}版`,
  "report.status": (detail) => {
    const parts = [`${status(detail.from)} → ${status(detail.to)}，第${text(detail.revision)}版`];
    if (detail.note) parts.push(`意见：${text(detail.note)}`);
    if (detail.publishedOn) parts.push(`公开日期：${chineseDate(detail.publishedOn)}`);
    if (detail.publishedNote) parts.push(`公开方式：${text(detail.publishedNote)}`);
    return parts.join("；");
  },
  "report.restore": (detail) => `由第${text(detail.fromRevision)}版恢复，成为第${text(detail.revision)}版`,
  "assignment.create": (detail) => (detail.dueDate ? `截止${chineseDate(detail.dueDate)}` : ""),
  "assignment.status": (detail) => `状态：${ASSIGNMENT_STATUS_LABELS[text(detail.status)] ?? text(detail.status)}`,
  "user.create": (detail) => `用户名：${text(detail.username)}，角色：${roles(detail.roles)}`,
  "user.roles": (detail) => `${text(detail.username)}：${roles(detail.before) || "无"} → ${roles(detail.after) || "无"}`,
  "user.deactivate": (detail) => `用户名：${text(detail.username)}`,
  "user.activate": (detail) => `用户名：${text(detail.username)}`,
  "user.password_reset": (detail) => `用户名：${text(detail.username)}`,
  "agency.update": (detail) =>
    Array.isArray(detail.changed) && detail.changed.length > 0
      ? `修改了${detail.changed.map((field) => AGENCY_FIELD_LABELS[String(field)] ?? String(field)).join("、")}`
      : "未修改任何项",
  "agency.create_child": (detail) =>
    `${text(detail.agency)}（${AGENCY_LEVEL_LABELS[text(detail.level) as AgencyLevel] ?? text(detail.level)}），管理员：${text(detail.admin)}`,
  "backup.restore": (detail) =>
    `${detail.scope === "agency" ? "单个机关" : "整个系统"}的备份（${chineseDate(detail.createdAt)}生成）${detail.replaced ? "，替换了原有数据" : ""}`,
  "supervision.remind": (detail) => `${text(detail.year)}年度报告催报`,
};

/** Actions whose target is a report: the log links to it by title. */
export function isReportTargetAction(action: string): boolean {
  return action.startsWith("report.") || action.startsWith("comment.") || action.startsWith("assignment.");
}

/**
 * A readable Chinese line for an audit entry's details. Internal ids stay out of it (the report is linked
 * separately); an unknown action shows its plain text and number values only.
 */
export function describeAuditEvent(event: { action: string; detail: Detail }): string {
  const describer = DESCRIBERS[event.action];
  if (describer) return describer(event.detail);
  return Object.entries(event.detail)
    .filter(([key, value]) => !/id$/i.test(key) && (typeof value === "string" || typeof value === "number"))
    .map(([key, value]) => `${key}：${String(value)}`)
    .join("，");
}
