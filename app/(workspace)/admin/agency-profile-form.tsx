"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { AgencyProfile } from "@/lib/admin/agency-profile";
import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS } from "@/lib/report-model";

import { updateAgencyProfileAction } from "./actions";
import { firstError, FormStatus } from "./form-status";

const SELECT = "h-9 w-full rounded border border-stone-300 bg-white px-2 text-sm";

export function AgencyProfileForm({ profile }: { profile: AgencyProfile }) {
  const router = useRouter();
  const [values, setValues] = useState(profile);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const set = (key: keyof AgencyProfile) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues({ ...values, [key]: event.target.value });
  return (
    <form
      aria-label="机关信息"
      className="grid gap-3 rounded border border-gray-200 bg-white p-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const { id: _id, parentName: _parent, frame: _frame, ...input } = values;
          const result = await updateAgencyProfileAction(input);
          setStatus(result.ok ? { success: "机关信息已保存" } : { error: firstError(result) });
          if (result.ok) router.refresh();
        });
      }}
    >
      <Field id="agency-name" label="机关名称">
        <Input id="agency-name" value={values.name} onChange={set("name")} />
      </Field>
      <Field id="agency-level" label="机关层级">
        <select id="agency-level" className={SELECT} value={values.level} onChange={set("level")}>
          {AGENCY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {AGENCY_LEVEL_LABELS[level]}
            </option>
          ))}
        </select>
      </Field>
      <p className="text-sm text-gray-600 sm:col-span-2">上级机关：{profile.parentName ?? "无"}（由上级机关的管理员在创建下级机关时设定）</p>
      <Field id="agency-submission" label="报送截止日期（次年，月-日）" hint="默认 03-01，即次年3月1日">
        <Input id="agency-submission" value={values.submissionDeadline} onChange={set("submissionDeadline")} placeholder="03-01" />
      </Field>
      <Field id="agency-disclosure" label="公开截止日期（次年，月-日）" hint="默认 04-01，即次年4月1日">
        <Input id="agency-disclosure" value={values.disclosureDeadline} onChange={set("disclosureDeadline")} placeholder="04-01" />
      </Field>
      <Field id="agency-font" label="导出字体方案">
        <select id="agency-font" className={SELECT} value={values.fontProfile} onChange={set("fontProfile")}>
          <option value="gb2312">仿宋_GB2312 等（公文标准字体）</option>
          <option value="windows">仿宋、楷体等（Windows 自带字体）</option>
        </select>
      </Field>
      <div />
      <Field id="agency-recipient" label="默认主送机关">
        <Input id="agency-recipient" value={values.defaultMainRecipient} onChange={set("defaultMainRecipient")} placeholder="例如：市人民政府" />
      </Field>
      <Field id="agency-signature" label="默认署名">
        <Input id="agency-signature" value={values.defaultSignature} onChange={set("defaultSignature")} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={isPending}>
          保存机关信息
        </Button>
        <FormStatus {...status} />
      </div>
    </form>
  );
}
