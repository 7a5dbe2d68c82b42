import type { CommonGaps } from "@/lib/supervision";

/** 共性问题: parts and 纲要 areas most reports lack, with the agencies named. */
export function CommonGapsList({ gaps }: { gaps: CommonGaps }) {
  return (
    <section aria-labelledby="common-gaps-heading" className="mb-8">
      <h2 id="common-gaps-heading" className="mb-2 text-lg font-semibold">
        共性问题
      </h2>
      {gaps.reportCount === 0 ? (
        <p className="text-sm text-gray-600">还没有下级机关形成报告。</p>
      ) : gaps.gaps.length === 0 ? (
        <p className="text-sm text-gray-600">{gaps.reportCount} 份报告的法定部分齐全，纲要九个方面均有涉及。</p>
      ) : (
        <ul className="divide-y divide-gray-100 rounded border border-gray-200 bg-white text-sm" data-testid="common-gaps">
          {gaps.gaps.map((gap) => (
            <li key={`${gap.kind}-${gap.label}`} className="flex flex-wrap gap-x-3 px-3 py-2">
              <span className="w-28 text-xs text-gray-500">{gap.kind === "part" ? "法定部分未写" : "纲要方面未涉及"}</span>
              <span className="font-medium">{gap.label}</span>
              <span className="tabular-nums text-red-800">
                {gap.agencyNames.length}/{gaps.reportCount} 份报告
              </span>
              <span className="text-gray-600">{gap.agencyNames.join("、")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
