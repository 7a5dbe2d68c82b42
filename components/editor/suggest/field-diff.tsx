import { diffFieldText, shownFieldText, type FieldTarget } from "@/lib/report-model";

export interface FieldDiffProps {
  from: string;
  to: string;
  /** The field, so a date shows as 2026年3月8日 rather than as stored. */
  target?: FieldTarget;
}

/** A suggested field text in colour: deleted characters struck through, inserted ones underlined, as in the editor. */
export function FieldDiff({ from, to, target }: FieldDiffProps) {
  const shown = (value: string) => (target ? shownFieldText(target, value) : value);
  return (
    <span className="whitespace-pre-wrap break-words" data-testid="field-diff">
      {diffFieldText(shown(from), shown(to)).map((part, index) =>
        part.kind === "equal" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "insert" ? (
          <ins key={index} className="suggestion suggestion-insert">
            {part.text}
          </ins>
        ) : (
          <del key={index} className="suggestion suggestion-delete">
            {part.text}
          </del>
        ),
      )}
    </span>
  );
}
