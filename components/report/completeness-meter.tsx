/** Required parts done out of total, as a labelled progress bar. */
export function CompletenessMeter({ done, total }: { done: number; total: number }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 100;
  return (
    <div data-testid="completeness" data-done={done} data-total={total}>
      <div className="mb-1 flex items-baseline justify-between text-sm">
        <span id="completeness-label" className="font-semibold text-stone-900">
          完成度
        </span>
        <span className="text-stone-700 tabular-nums">
          必填部分 {done}/{total}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="completeness-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`必填部分已完成${done}个，共${total}个`}
        className="h-2 overflow-hidden rounded bg-stone-200"
      >
        <div className="h-full bg-green-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
