/** Chinese names of audit actions, for the log page and the CSV. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  setup: "初始化系统",
  sign_in: "登录",
  sign_in_failed: "登录失败",
  sign_in_blocked: "登录被限制",
  sign_in_alert: "登录异常告警",
  "report.create": "新建报告",
  "report.import": "导入报告",
  "report.migrate_opening": "导语迁移",
  "report.export": "导出报告",
  "report.status": "流转",
  "report.restore": "恢复旧版本",
  "report.save_refused": "保存被拒绝",
  "report.collab_refused": "协同编辑更新被拒绝",
  "comment.create": "提出意见",
  "comment.resolve": "解决意见",
  "comment.reopen": "重新打开意见",
  "assignment.create": "分配任务",
  "assignment.status": "更新任务状态",
  "assignment.delete": "撤回任务",
  "user.create": "创建用户",
  "user.roles": "调整角色",
  "user.deactivate": "停用用户",
  "user.activate": "启用用户",
  "user.password_reset": "重置密码",
  "agency.update": "修改机关信息",
  "agency.create_child": "创建下级机关",
  "backup.restore": "恢复备份",
  "supervision.remind": "督导催办",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
