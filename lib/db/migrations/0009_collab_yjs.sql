-- Live co-editing (Yjs): the compacted document state of each report, and every acknowledged update appended
-- before the server acknowledges it, so a crash loses nothing the editor was told was saved.
CREATE TABLE "report_collab_states" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"state" bytea NOT NULL,
	"bodies" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_collab_states" ADD CONSTRAINT "report_collab_states_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "report_collab_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"update" bytea NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_collab_updates" ADD CONSTRAINT "report_collab_updates_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "report_collab_updates" ADD CONSTRAINT "report_collab_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "report_collab_updates_report" ON "report_collab_updates" USING btree ("report_id","id");
