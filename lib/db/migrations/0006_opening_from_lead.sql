-- Reports stored before the model had an opening (导语) kept it as the lead of their first part, so every export
-- printed it under "一、". Where that lead reads as an opening ("2024年，我局……现将有关情况报告如下："), the text
-- up to "……如下：" moves to content.opening (one paragraph per line) and the first part keeps the rest of its lead.
-- Idempotent: only reports whose opening has no text yet are touched. Each move is logged in audit_events first.
INSERT INTO "audit_events" ("agency_id", "action", "target_id", "detail")
SELECT "agency_id", 'report.migrate_opening', "id"::text,
  jsonb_build_object('message', '第一部分开头的导语已移入报告的“导语”', 'sample', left("content"->'sections'->0->>'lead', 40))
FROM "reports"
WHERE coalesce("content"->'opening', 'null'::jsonb)::text !~ '"text"\s*:\s*"[^"]*[^"\s]'
  AND jsonb_typeof("content"->'sections') = 'array'
  AND jsonb_array_length("content"->'sections') > 0
  AND coalesce("content"->'sections'->0->>'lead', '') ~ '^\s*(19|20)[0-9]{2}\s*年'
  AND coalesce("content"->'sections'->0->>'lead', '') ~ '(报告|汇报|总结)如下';
--> statement-breakpoint
WITH "candidates" AS (
  SELECT "id", "content",
    -- Up to "……如下" (shortest), then its colon or full stop when one follows.
    substring("content"->'sections'->0->>'lead' from '^(.*?(?:报告|汇报|总结)如下)') AS "head",
    "content"->'sections'->0->>'lead' AS "lead"
  FROM "reports"
  WHERE coalesce("content"->'opening', 'null'::jsonb)::text !~ '"text"\s*:\s*"[^"]*[^"\s]'
    AND jsonb_typeof("content"->'sections') = 'array'
    AND jsonb_array_length("content"->'sections') > 0
    AND coalesce("content"->'sections'->0->>'lead', '') ~ '^\s*(19|20)[0-9]{2}\s*年'
    AND coalesce("content"->'sections'->0->>'lead', '') ~ '(报告|汇报|总结)如下'
), "split" AS (
  SELECT "id", "content", "lead",
    "head" || coalesce(substring(substr("lead", length("head") + 1) from '^[：:。]'), '') AS "opening_text"
  FROM "candidates"
  WHERE "head" IS NOT NULL
), "moved" AS (
  SELECT "id", "content",
    (SELECT jsonb_build_object('type', 'doc', 'content', jsonb_agg(jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', btrim("line")))) ORDER BY "n"))
       FROM regexp_split_to_table("opening_text", E'\n') WITH ORDINALITY AS "lines"("line", "n")
       WHERE btrim("line") <> '') AS "opening",
    btrim(substr("lead", length("opening_text") + 1), E' \n\r\t') AS "rest"
  FROM "split"
)
UPDATE "reports" AS "r"
SET "content" = CASE
    -- The lead's 待更新 marks go with the text that moved (all of them when nothing of the lead is left).
    WHEN "m"."rest" = '' AND ("m"."content"->'sections'->0->'leadPendingUpdates') IS NOT NULL
      THEN jsonb_set(jsonb_set("m"."content", '{opening}', "m"."opening"), '{sections,0,lead}', to_jsonb("m"."rest")) #- '{sections,0,leadPendingUpdates}'
        || jsonb_build_object('openingPendingUpdates', "m"."content"->'sections'->0->'leadPendingUpdates')
    ELSE jsonb_set(jsonb_set("m"."content", '{opening}', "m"."opening"), '{sections,0,lead}', to_jsonb("m"."rest"))
  END
FROM "moved" AS "m"
WHERE "r"."id" = "m"."id" AND "m"."opening" IS NOT NULL;
