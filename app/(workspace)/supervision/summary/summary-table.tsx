import { summaryColumns, type IndicatorSummary } from "@/lib/supervision";

function cell(value: number | null) {
  return value === null ? <span className="sr-only">未填写</span> : value;
}

/** Agencies down, indicators across; each indicator as this year and, in grey, last year. */
export function SummaryTable({ summary }: { summary: IndicatorSummary }) {
  const columns = summaryColumns();
  const pairs = columns.filter((column) => column.period === "current").map((current, index) => ({ current, previous: columns[index * 2 + 1]! }));
  const totals = { figures: summary.totals, rates: summary.totalRates };
  return (
    <div className="mb-8 overflow-x-auto rounded border border-gray-200 bg-white">
      <table className="text-sm" data-testid="summary-table">
        <caption className="sr-only">{summary.year}年度主要指标汇总，每项为本年数与上年数</caption>
        <thead className="bg-gray-50 text-gray-700">
          <tr>
            <th scope="col" rowSpan={2} className="sticky left-0 bg-gray-50 px-3 py-2 text-left font-medium">
              机关
            </th>
            {pairs.map(({ current }) => (
              <th key={current.label} scope="colgroup" colSpan={2} className="border-l border-gray-200 px-2 py-1 text-center text-xs font-medium">
                {current.label}
              </th>
            ))}
          </tr>
          <tr>
            {pairs.map(({ current }) => [
              <th key={`${current.label}-c`} scope="col" className="border-l border-gray-200 px-2 py-1 text-xs font-normal">
                {summary.year}
              </th>,
              <th key={`${current.label}-p`} scope="col" className="px-2 py-1 text-xs font-normal text-gray-500">
                {summary.year - 1}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row.agencyId} className="border-t border-gray-100" data-testid="summary-row">
              <th scope="row" className="sticky left-0 bg-white px-3 py-1.5 text-left font-normal whitespace-nowrap">
                {row.agencyName}
                {row.hasReport ? null : <span className="ml-1 text-xs text-red-700">未报</span>}
              </th>
              {pairs.map(({ current, previous }) => [
                <td key={`${current.label}-c`} className="border-l border-gray-100 px-2 py-1.5 text-right tabular-nums">
                  {cell(current.pick(row))}
                </td>,
                <td key={`${current.label}-p`} className="px-2 py-1.5 text-right text-gray-500 tabular-nums">
                  {cell(previous.pick(row))}
                </td>,
              ])}
            </tr>
          ))}
          <tr className="border-t-2 border-gray-300 font-semibold" data-testid="summary-total">
            <th scope="row" className="sticky left-0 bg-white px-3 py-1.5 text-left">
              合计
            </th>
            {pairs.map(({ current, previous }) => [
              <td key={`${current.label}-c`} className="border-l border-gray-100 px-2 py-1.5 text-right tabular-nums">
                {cell(current.pick(totals))}
              </td>,
              <td key={`${current.label}-p`} className="px-2 py-1.5 text-right text-gray-500 tabular-nums">
                {cell(previous.pick(totals))}
              </td>,
            ])}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
