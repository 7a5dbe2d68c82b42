import type { Finding, Severity } from "./types";

export interface FindingSummary {
  error: number;
  warning: number;
  info: number;
  total: number;
  /** Errors block submission for review and finalisation. */
  hasErrors: boolean;
}

export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return { ...counts, total: findings.length, hasErrors: counts.error > 0 };
}
