import type { RevisionDiff } from "@/lib/history/compare-report-revisions";
import { findIndicator } from "@/lib/report-model";

/** "行政处罚案件 27件 → 30件", with 未填 for an empty figure; an unknown key is shown as it is. */
export function describeIndicatorChange(change: { id: string; before: number | null; after: number | null }): string {
  const definition = findIndicator(change.id);
  const show = (value: number | null) => (value === null ? "未填" : `${value}${definition?.unit ?? ""}`);
  return `${definition?.label ?? change.id} ${show(change.before)} → ${show(change.after)}`;
}

/** Per-part differences of two revisions, with inserted and deleted characters marked. */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  const changedSections = diff.sections.filter(
    (section) => section.diff.some((op) => op.op !== "equal") || section.previousHeading !== section.currentHeading || section.indicatorChanges.length > 0,
  );
  return (
    <div className="space-y-3" data-testid="revision-diff">
      <p className="text-sm text-stone-600">
        第{diff.older.revision}版 → 第{diff.newer.revision}版{diff.isChanged ? "" : "：内容没有变化"}
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
            {section.diff.map((op, index) =>
              op.op === "equal" ? (
                <span key={index}>{shorten(op.text)}</span>
              ) : op.op === "insert" ? (
                <ins key={index} className="bg-green-100 text-green-900 no-underline" title="新增">
                  {op.text}
                </ins>
              ) : (
                <del key={index} className="bg-red-100 text-red-900" title="删除">
                  {op.text}
                </del>
              ),
            )}
          </p>
          {section.indicatorChanges.length > 0 ? (
            <p className="mt-1 text-xs text-stone-600">指标：{section.indicatorChanges.map(describeIndicatorChange).join("；")}</p>
          ) : null}
        </article>
      ))}
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

/** Long unchanged stretches are cut to their ends so the changes stay in view. */
function shorten(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= 120) return text;
  return `${chars.slice(0, 50).join("")} …… ${chars.slice(-50).join("")}`;
}
