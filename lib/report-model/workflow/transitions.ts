import { REPORT_STATUS_LABELS, ROLE_LABELS, ROLES, type ReportStatus, type Role } from "../constants";
import { can, permissionTable, type Action } from "../permissions";

import { EDITABLE_STATUSES, SIGNED_STATUSES } from "./status";

export const TRANSITION_NAMES = ["submit", "return", "approve", "signoff", "publish", "reopen"] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

export interface TransitionRule {
  name: TransitionName;
  /** Button text. */
  label: string;
  from: readonly ReportStatus[];
  to: ReportStatus;
  permission: Action;
}

/** The one state machine of a report: draft → in_review → reviewed → signed → published. */
export const TRANSITIONS: readonly TransitionRule[] = [
  { name: "submit", label: "提交审核", from: EDITABLE_STATUSES, to: "in_review", permission: "report.submit" },
  { name: "return", label: "退回修改", from: ["in_review"], to: "returned", permission: "report.review" },
  { name: "return", label: "退回修改", from: ["reviewed"], to: "returned", permission: "report.signoff" },
  { name: "approve", label: "审核通过", from: ["in_review"], to: "reviewed", permission: "report.review" },
  { name: "signoff", label: "签发", from: ["reviewed"], to: "signed", permission: "report.signoff" },
  { name: "publish", label: "标记为已公开", from: ["signed"], to: "published", permission: "report.publish" },
  { name: "reopen", label: "新修订", from: SIGNED_STATUSES, to: "draft", permission: "report.reopen" },
];

export function findTransition(name: TransitionName, from: string): TransitionRule | undefined {
  return TRANSITIONS.find((rule) => rule.name === name && (rule.from as readonly string[]).includes(from));
}

/** "审核人" or "签发人、管理员": the roles that hold a permission. */
export function rolesAllowedTo(action: Action): string {
  const table = permissionTable();
  return ROLES.filter((role: Role) => table[role].includes(action))
    .map((role) => ROLE_LABELS[role])
    .join("、");
}

export function statusLabel(status: string): string {
  return REPORT_STATUS_LABELS[status as ReportStatus] ?? status;
}

export interface TransitionOption {
  name: TransitionName;
  label: string;
  to: ReportStatus;
  isAllowed: boolean;
  /** Why the button is disabled, in Chinese. */
  reason?: string;
}

export interface TransitionContext {
  status: string;
  roles: readonly Role[];
  /** Error findings of the current content. */
  errorCount: number;
  unresolvedCount: number;
  /** Open suggestions (修订) nobody has accepted or rejected yet. */
  suggestionCount: number;
}

/** What a step is checked against besides the role and the state. */
export type TransitionChecks = Pick<TransitionContext, "errorCount" | "unresolvedCount" | "suggestionCount">;

/** The transitions out of the current state, each allowed or disabled with the reason (the UI mirror of transitionReport). */
export function describeTransitions({ status, roles, ...checks }: TransitionContext): TransitionOption[] {
  return TRANSITIONS.filter((rule) => (rule.from as readonly string[]).includes(status)).map((rule) => {
    const option = { name: rule.name, label: rule.label, to: rule.to };
    if (!can(roles, rule.permission)) return { ...option, isAllowed: false, reason: `只有${rolesAllowedTo(rule.permission)}可以${rule.label}` };
    const blocker = transitionBlocker(rule.name, checks);
    return blocker ? { ...option, isAllowed: false, reason: blocker } : { ...option, isAllowed: true };
  });
}

/**
 * Content conditions checked again on the server: errors block submit, approval and sign-off; open comments and
 * open suggestions (修订) block sign-off, since nobody may change a signed report. Every reason that holds is named.
 */
export function transitionBlocker(name: TransitionName, { errorCount, unresolvedCount, suggestionCount }: TransitionChecks): string | undefined {
  const needsClean = name === "submit" || name === "approve" || name === "signoff";
  const verb = name === "submit" ? "提交审核" : name === "approve" ? "审核通过" : "签发";
  const open = [
    needsClean && errorCount > 0 ? `${errorCount} 个错误需要修改` : null,
    name === "signoff" && unresolvedCount > 0 ? `${unresolvedCount} 条意见未解决` : null,
    name === "signoff" && suggestionCount > 0 ? `${suggestionCount} 处修订未接受或拒绝` : null,
  ].filter((reason): reason is string => reason !== null);
  if (open.length === 0) return undefined;
  // One reason keeps its own verb (修改 errors, 解决 comments); more than one, or 修订, are 处理ed.
  const onlyErrors = open.length === 1 && needsClean && errorCount > 0;
  const onlyComments = open.length === 1 && unresolvedCount > 0 && !onlyErrors;
  const fix = onlyErrors ? "修改" : onlyComments ? "解决" : "处理";
  return `还有 ${open.join("、")}，${fix}后才能${verb}`;
}
