"use client";

import { memo, useRef, useState } from "react";

import { reportFrameSchema, type AgencyFrame, type ReportFrame, type SuggestibleFrameKey } from "@/lib/report-model";

import { FieldSuggestDateInput, FieldSuggestInput, FieldSuggestionNote, useIsSuggestingField } from "@/components/editor/suggest/field-suggest";
import { Input, Textarea } from "@/components/ui/input";
import { Field } from "@/components/ui/label";

const SELECT = "h-9 w-full rounded border border-stone-300 bg-white px-2 text-sm disabled:bg-stone-100";

/** Id of a 版头/版记 input. */
export const frameFieldId = (key: keyof ReportFrame) => `frame-${key}`;

/**
 * 版头与版记 of this report. A field left empty follows the agency profile (set by the administrator); what is typed
 * here wins. The agency's values show as the empty fields' placeholders, so the official sees what an empty field
 * will print. Inputs are uncontrolled so IME composition is left to the browser; remount with a new `key` to show
 * values changed elsewhere.
 */
export const FrameForm = memo(function FrameForm({
  initial,
  agencyFrame,
  isEditable,
  onChange,
}: {
  initial: ReportFrame | undefined;
  /** The agency profile's 版头/版记 defaults, which the empty fields follow. */
  agencyFrame?: AgencyFrame;
  isEditable: boolean;
  onChange: (frame: ReportFrame | undefined) => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState("");
  // In 修订模式 the text fields take suggestions (report.fieldSuggestions); the frame itself is never written here.
  const isSuggesting = useIsSuggestingField();
  const onInput = () => {
    if (!formRef.current || isSuggesting) return;
    const parsed = reportFrameSchema.safeParse(frameFromForm(new FormData(formRef.current)));
    setError(parsed.success ? "" : (parsed.error.issues[0]?.message ?? ""));
    // An invalid entry is not saved; the last valid choices stay.
    if (parsed.success) onChange(Object.keys(parsed.data).length > 0 ? parsed.data : undefined);
  };
  const sealed = initial?.isSealed === undefined ? "" : initial.isSealed ? "yes" : "no";
  // Without the agency's values (not loaded) the fields show no placeholder rather than a guess.
  const follows = (value: string | undefined, none: string) => (agencyFrame ? `按机关设置：${value || none}` : undefined);
  return (
    <form
      ref={formRef}
      aria-label="版头与版记"
      noValidate
      onInput={onInput}
      onChange={onInput}
      onSubmit={(event) => event.preventDefault()}
      className="grid grid-cols-1 gap-x-4 gap-y-3 md:grid-cols-2"
    >
      <p className="text-xs text-stone-500 md:col-span-2">留空的项按“管理 → 公文版头与版记”中本机关的设置导出。</p>
      <Field id={frameFieldId("agencyMark")} label="发文机关标志（红头）" hint="如“青溪市水务局文件”">
        <FrameText
          fieldKey="agencyMark"
          initial={initial}
          placeholder={follows(agencyFrame?.agencyMark, "不印红头")}
          isEditable={isEditable}
          isSuggesting={isSuggesting}
        />
        <NoneBox name="agencyMark" label="本报告不印红头" isChecked={initial?.agencyMark === ""} isEditable={isEditable} />
      </Field>
      <Field id={frameFieldId("signer")} label="签发人（上行文）">
        <FrameText
          fieldKey="signer"
          initial={initial}
          placeholder={follows(agencyFrame?.signer, "不标签发人")}
          isEditable={isEditable}
          isSuggesting={isSuggesting}
        />
        <NoneBox name="signer" label="本报告不标签发人（文号居中）" isChecked={initial?.signer === ""} isEditable={isEditable} />
      </Field>
      <Field id={frameFieldId("attachments")} label="附件" hint="每行一个附件名称，按顺序排列" className="md:col-span-2">
        <Textarea id={frameFieldId("attachments")} name="attachments" rows={2} defaultValue={(initial?.attachments ?? []).join("\n")} disabled={!isEditable} />
      </Field>
      <Field id={frameFieldId("isSealed")} label="加盖印章">
        <select id={frameFieldId("isSealed")} name="isSealed" className={SELECT} defaultValue={sealed} disabled={!isEditable}>
          <option value="">{agencyFrame ? `按机关设置（${agencyFrame.isSealed ? "加盖印章" : "不加盖印章"}）` : "按机关设置"}</option>
          <option value="yes">加盖印章</option>
          <option value="no">不加盖印章</option>
        </select>
      </Field>
      <Field id={frameFieldId("imprintAgency")} label="印发机关（版记）">
        <FrameText
          fieldKey="imprintAgency"
          initial={initial}
          placeholder={follows(agencyFrame?.imprintAgency, "不印印发机关")}
          isEditable={isEditable}
          isSuggesting={isSuggesting}
        />
      </Field>
      <Field id={frameFieldId("imprintDate")} label="印发日期" hint="留空则为成文日期">
        {isSuggesting ? (
          <FieldSuggestDateInput id={frameFieldId("imprintDate")} target={{ field: "frame", key: "imprintDate" }} value={initial?.imprintDate ?? ""} />
        ) : (
          <Input id={frameFieldId("imprintDate")} name="imprintDate" type="date" defaultValue={initial?.imprintDate ?? ""} disabled={!isEditable} />
        )}
        <FieldSuggestionNote target={{ field: "frame", key: "imprintDate" }} value={initial?.imprintDate ?? ""} />
      </Field>
      {error && (
        <p role="alert" className="text-xs text-red-700 md:col-span-2">
          {error}
        </p>
      )}
    </form>
  );
});

/**
 * A text field of the report's own 版头/版记: a plain input while drafting; in 修订模式 the suggestion input (the
 * report's own text; "" follows the agency profile), with the open suggestion shown under it in colour.
 */
function FrameText(props: {
  fieldKey: Exclude<SuggestibleFrameKey, "imprintDate">;
  initial: ReportFrame | undefined;
  placeholder: string | undefined;
  isEditable: boolean;
  isSuggesting: boolean;
}) {
  const { fieldKey, initial } = props;
  const target = { field: "frame", key: fieldKey } as const;
  return (
    <>
      {props.isSuggesting ? (
        <FieldSuggestInput id={frameFieldId(fieldKey)} target={target} value={initial?.[fieldKey] ?? ""} placeholder={props.placeholder} />
      ) : (
        <Input
          id={frameFieldId(fieldKey)}
          name={fieldKey}
          defaultValue={initial?.[fieldKey] ?? ""}
          placeholder={props.placeholder}
          disabled={!props.isEditable}
        />
      )}
      <FieldSuggestionNote target={target} value={initial?.[fieldKey] ?? ""} />
    </>
  );
}

/** "None for this report" for a field the agency profile may fill: stored as an empty override. */
function NoneBox({ name, label, isChecked, isEditable }: { name: string; label: string; isChecked: boolean; isEditable: boolean }) {
  const id = `frame-${name}-none`;
  return (
    <div className="mt-1 flex items-center gap-2">
      <input id={id} name={`${name}None`} type="checkbox" defaultChecked={isChecked} disabled={!isEditable} className="size-4 accent-red-800" />
      <label htmlFor={id} className="text-xs text-stone-700">
        {label}
      </label>
    </div>
  );
}

/** The typed values as overrides: an empty field is left out (it follows the agency profile); "none" is stored as "". */
function frameFromForm(data: FormData): Record<string, unknown> {
  const text = (key: string) => String(data.get(key) ?? "").trim();
  const frame: Record<string, unknown> = {};
  for (const key of ["agencyMark", "signer", "imprintAgency", "imprintDate"]) if (text(key)) frame[key] = text(key);
  for (const key of ["agencyMark", "signer"]) if (data.get(`${key}None`) === "on") frame[key] = "";
  const attachments = text("attachments")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (attachments.length > 0) frame.attachments = attachments;
  if (text("isSealed")) frame.isSealed = text("isSealed") === "yes";
  return frame;
}
