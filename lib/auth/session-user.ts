import type { AgencyLevel, Role } from "@/lib/report-model";

/** The signed-in user as every verb receives it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  agencyLevel: AgencyLevel;
  roles: Role[];
  /** Client address, for the audit log. */
  ip?: string;
}
