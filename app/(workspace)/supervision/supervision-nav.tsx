import Link from "next/link";

/** Tabs between the progress board and the summary, with the year picker and the downloads of the year. */
export function SupervisionNav({ year, current }: { year: number; current: "board" | "summary" }) {
  const tab = (href: string, label: string, isCurrent: boolean) => (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={`rounded-t border-b-2 px-3 py-2 text-sm ${isCurrent ? "border-red-800 font-medium text-red-900" : "border-transparent text-gray-600 hover:text-gray-900"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="mb-4 flex flex-wrap items-end gap-4 border-b border-gray-200">
      <nav aria-label="督导视图" className="flex gap-1">
        {tab(`/supervision?year=${year}`, "进度看板", current === "board")}
        {tab(`/supervision/summary?year=${year}`, "指标汇总", current === "summary")}
      </nav>
      <form method="get" className="mb-2 ml-auto flex items-end gap-2 text-sm" aria-label="选择年度">
        <label htmlFor="supervision-year" className="text-xs text-gray-600">
          报告年度
        </label>
        <input
          id="supervision-year"
          name="year"
          type="number"
          min={2000}
          max={2100}
          defaultValue={year}
          className="h-8 w-24 rounded border border-gray-300 px-2"
        />
        <button type="submit" className="h-8 rounded border border-gray-300 bg-white px-3 hover:bg-gray-50">
          查看
        </button>
      </form>
      <a
        href={`/api/supervision/export-all?year=${year}`}
        className="mb-2 rounded border border-gray-300 bg-white px-3 py-1.5 text-sm hover:bg-gray-50"
        data-testid="download-zip"
      >
        下载已签发报告（ZIP）
      </a>
    </div>
  );
}
