import type { Role } from "./constants";

/** Everything a user can try to do; one table decides who may. */
export const ACTIONS = [
  "report.read",
  "report.create",
  "report.edit",
  "report.import",
  "report.submit",
  "report.comment",
  "report.review",
  "report.signoff",
  "report.publish",
  "report.reopen",
  "report.export",
  "report.assign",
  "report.history",
  "report.restore",
  "users.manage",
  "agency.manage",
  "audit.read",
  "supervision.read",
] as const;
export type Action = (typeof ACTIONS)[number];

const TABLE: Record<Role, readonly Action[]> = {
  admin: [
    "report.read",
    "report.create",
    "report.edit",
    "report.import",
    "report.submit",
    "report.comment",
    "report.export",
    "report.assign",
    "report.history",
    "report.restore",
    "users.manage",
    "agency.manage",
    "audit.read",
  ],
  drafter: [
    "report.read",
    "report.create",
    "report.edit",
    "report.import",
    "report.submit",
    "report.comment",
    "report.export",
    "report.assign",
    "report.history",
    "report.restore",
  ],
  reviewer: ["report.read", "report.comment", "report.review", "report.export", "report.history"],
  approver: ["report.read", "report.comment", "report.signoff", "report.publish", "report.reopen", "report.export", "report.history"],
  supervisor: ["report.read", "report.export", "report.history", "supervision.read"],
};

export function can(roles: readonly Role[], action: Action): boolean {
  return roles.some((role) => TABLE[role].includes(action));
}

export function permissionTable(): Record<Role, readonly Action[]> {
  return TABLE;
}
