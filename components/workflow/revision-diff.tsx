import type { RevisionDiff } from "@/lib/history/compare-report-revisions";
import type { TextDiffWithSuggestions } from "@/lib/history/suggestion-kinds";
import { findIndicator } from "@/lib/report-model";

import { FieldDiff } from "@/components/editor/suggest/field-diff";

/** "行政处罚案件 27件 → 30件", with 未填 for an empty figure; an unknown key is shown as it is. */
export function describeIndicatorChange(change: { id: string; before: number | null; after: number | null }): string {
  const definition = findIndicator(change.id);
  const show = (value: number | null) => (value === null ? "未填" : `${value}${definition?.unit ?? ""}`);
  return `${definition?.label ?? change.id} ${show(change.before)} → ${show(change.after)}`;
}

/** Per-part differences of two revisions, with inserted and deleted characters marked. */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  const changedSections = diff.sections.filter(
    (section) =>
      section.diff.some((op) => op.op !== "equal") ||
      section.previousHeading !== section.currentHeading ||
      section.indicatorChanges.length > 0 ||
      section.suggestionKinds?.previous !== section.suggestionKinds?.current,
  );
  return (
    <div className="space-y-3" data-testid="revision-diff">
      <p className="text-sm text-stone-600">
        第{diff.older.number}版 → 第{diff.newer.number}版{diff.isChanged ? "" : "：内容没有变化"}
      </p>
      {diff.meta.length > 0 ? (
        <ul className="text-sm">
          {diff.meta.map((change) => (
            <li key={change.field}>
              {change.label}：<del className="bg-red-100 text-red-800">{change.before || "（空）"}</del> →{" "}
              <ins className="bg-green-100 text-green-800 no-underline">{change.after || "（空）"}</ins>
            </li>
          ))}
        </ul>
      ) : null}
      {diff.opening ? (
        <article className="rounded border border-stone-200 p-2" data-testid="revision-diff-opening">
          <h3 className="mb-1 text-sm font-semibold">导语</h3>
          <p className="text-sm leading-7 whitespace-pre-wrap">
            <SectionText section={diff.opening} />
          </p>
        </article>
      ) : null}
      {changedSections.map((section) => (
        <article key={`${section.previousSectionId}-${section.currentSectionId}`} className="rounded border border-stone-200 p-2">
          <h3 className="mb-1 text-sm font-semibold">{section.currentHeading || section.previousHeading || section.label}</h3>
          {section.previousHeading !== section.currentHeading ? (
            <p className="mb-1 text-xs text-stone-600">
              标题：<del className="bg-red-100">{section.previousHeading || "（无）"}</del> →{" "}
              <ins className="bg-green-100 no-underline">{section.currentHeading || "（已删除）"}</ins>
            </p>
          ) : null}
          <p className="text-sm leading-7 whitespace-pre-wrap">
            <SectionText section={section} />
          </p>
          {section.indicatorChanges.length > 0 ? (
            <p className="mt-1 text-xs text-stone-600">指标：{section.indicatorChanges.map(describeIndicatorChange).join("；")}</p>
          ) : null}
        </article>
      ))}
      {diff.fieldSuggestions && diff.fieldSuggestions.length > 0 ? (
        <ul className="space-y-1 text-sm" data-testid="revision-field-suggestions">
          {diff.fieldSuggestions.map((change) => (
            <li key={change.key}>
              {change.place}的修订（{change.authorName || "未署名"}）{FIELD_CHANGE_LABELS[change.change]}：<FieldDiff from={change.from} to={change.to} />
            </li>
          ))}
        </ul>
      ) : null}
      {diff.commitments.length > 0 ? (
        <ul className="text-sm">
          {diff.commitments.map((change) => (
            <li key={change.commitmentId}>
              承诺事项“{change.text}”：{change.detail}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const FIELD_CHANGE_LABELS = { added: "新提出", changed: "已修改", decided: "已处理" } as const;

/** How a stretch of a part's text shows: unchanged, added or removed between the revisions, or a suggestion (修订). */
type RunStyle = "plain" | "added" | "removed" | "suggestedInsert" | "suggestedDelete" | "suggestedBreak";

interface Run {
  style: RunStyle;
  text: string;
}

/**
 * Splits the diff ops into runs by how they show: equal and inserted text read the newer side's suggestion kinds,
 * deleted text is shown as removed. Neighbouring runs that show alike are joined (one suggestion, one element).
 */
function splitRuns(section: TextDiffWithSuggestions): Run[] {
  const kinds = section.suggestionKinds?.current ?? "";
  const runs: Run[] = [];
  const push = (style: RunStyle, text: string) => {
    const last = runs[runs.length - 1];
    if (last?.style === style) last.text += text;
    else runs.push({ style, text });
  };
  let currentAt = 0;
  for (const op of section.diff) {
    if (op.op === "delete") {
      push("removed", op.text);
      continue;
    }
    for (let offset = 0; offset < op.text.length; offset += 1) {
      const kind = kinds[currentAt + offset];
      const style =
        kind === "i" ? "suggestedInsert" : kind === "d" ? "suggestedDelete" : kind === "b" ? "suggestedBreak" : op.op === "insert" ? "added" : "plain";
      push(style, op.text[offset]!);
    }
    currentAt += op.text.length;
  }
  return runs;
}

/**
 * The part's text with the changes between the two revisions (green added, red removed) and, in the editor's
 * colours, the suggestions (修订) it holds: suggested insertions blue and underlined, deletions red and struck through.
 */
function SectionText({ section }: { section: TextDiffWithSuggestions }) {
  return (
    <>
      {splitRuns(section).map((run, index) => {
        switch (run.style) {
          case "removed":
            return (
              <del key={index} className="bg-red-100 text-red-900" title="删除">
                {run.text}
              </del>
            );
          case "suggestedInsert":
            return (
              <ins key={index} className="suggestion suggestion-insert" title="修订：插入">
                {run.text}
              </ins>
            );
          case "suggestedBreak":
            return (
              <ins key={index} className="suggestion suggestion-insert" title="修订：分段">
                {`↵${run.text}`}
              </ins>
            );
          case "suggestedDelete":
            return (
              <del key={index} className="suggestion suggestion-delete" title="修订：删除">
                {run.text}
              </del>
            );
          case "added":
            return (
              <ins key={index} className="bg-green-100 text-green-900 no-underline" title="新增">
                {run.text}
              </ins>
            );
          case "plain":
            return <span key={index}>{shorten(run.text)}</span>;
        }
      })}
    </>
  );
}

/** Long unchanged stretches are cut to their ends so the changes stay in view. */
function shorten(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= 120) return text;
  return `${chars.slice(0, 50).join("")} …… ${chars.slice(-50).join("")}`;
}
