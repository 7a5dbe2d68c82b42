import type { DiffOp } from "@/lib/reuse";

/**
 * One side of a character diff: "before" shows equal + deleted text (deletions marked),
 * "after" shows equal + inserted text (insertions marked).
 */
export function DiffView({ ops, side, emptyText = "（无）" }: { ops: DiffOp[]; side: "before" | "after"; emptyText?: string }) {
  const visible = ops.filter((op) => op.op === "equal" || op.op === (side === "before" ? "delete" : "insert"));
  if (visible.every((op) => op.text === "")) return <p className="text-sm text-stone-400">{emptyText}</p>;
  return (
    <p className="text-sm leading-6 break-words whitespace-pre-wrap text-stone-800">
      {visible.map((op, index) =>
        op.op === "equal" ? (
          <span key={index}>{op.text}</span>
        ) : side === "before" ? (
          <del key={index} className="bg-red-100 text-red-900 decoration-red-700">
            {op.text}
          </del>
        ) : (
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            {op.text}
          </ins>
        ),
      )}
    </p>
  );
}
