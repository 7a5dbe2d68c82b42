import { diffFieldText } from "@/lib/report-model";

export interface FieldDiffProps {
  from: string;
  to: string;
}

/** A suggested field text in colour: deleted characters struck through, inserted ones underlined, as in the editor. */
export function FieldDiff({ from, to }: FieldDiffProps) {
  return (
    <span className="whitespace-pre-wrap break-words" data-testid="field-diff">
      {diffFieldText(from, to).map((part, index) =>
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
