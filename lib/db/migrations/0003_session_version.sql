ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "nianbao_bump_session_on_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.is_active IS DISTINCT FROM OLD.is_active THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "users_bump_session_version" BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION "nianbao_bump_session_on_user"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "nianbao_bump_session_on_membership"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "users" SET "session_version" = "session_version" + 1 WHERE "id" = OLD.user_id;
  ELSE
    UPDATE "users" SET "session_version" = "session_version" + 1 WHERE "id" = NEW.user_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "memberships_bump_session_version" AFTER INSERT OR UPDATE OR DELETE ON "memberships" FOR EACH ROW EXECUTE FUNCTION "nianbao_bump_session_on_membership"();
