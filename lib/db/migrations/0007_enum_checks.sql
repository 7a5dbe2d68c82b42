-- Status, role, level and assignment-status columns accept only the values the application knows
-- (lib/report-model/constants.ts); a stray value is refused by the database instead of cast around in code.
ALTER TABLE "reports" ADD CONSTRAINT "reports_status_check" CHECK ("status" IN ('draft', 'in_review', 'returned', 'reviewed', 'signed', 'published'));
--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_status_check" CHECK ("status" IN ('draft', 'in_review', 'returned', 'reviewed', 'signed', 'published'));
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_check" CHECK ("role" IN ('admin', 'drafter', 'reviewer', 'approver', 'supervisor'));
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_level_check" CHECK ("level" IN ('province', 'city', 'county', 'township', 'department'));
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_status_check" CHECK ("status" IN ('open', 'done'));
