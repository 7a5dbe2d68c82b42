"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { AgencyFrame } from "@/lib/report-model";
import { agencyFrameSettingsSchema, type AgencyFrameSettingsInput } from "@/lib/schemas/admin";

import { updateAgencyFrameAction } from "./frame-actions";
import { firstError, FormStatus } from "./form-status";

/** The agency's GB/T 9704 版头/版记 defaults for every export; a report can override each one. */
export function AgencyFrameForm({ frame }: { frame: AgencyFrame }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [isPending, startTransition] = useTransition();
  const { register, handleSubmit, formState } = useForm<AgencyFrameSettingsInput, unknown, AgencyFrame>({
    resolver: zodResolver(agencyFrameSettingsSchema),
    defaultValues: frame,
  });
  const errorOf = (key: keyof AgencyFrame) => formState.errors[key]?.message;
  return (
    <form
      aria-label="公文版头与版记"
      noValidate
      className="grid gap-3 rounded border border-gray-200 bg-white p-3 sm:grid-cols-2"
      onSubmit={handleSubmit((values) =>
        startTransition(async () => {
          const result = await updateAgencyFrameAction(values);
          setStatus(result.ok ? { success: "版头与版记设置已保存" } : { error: firstError(result) });
          if (result.ok) router.refresh();
        }),
      )}
    >
      <Field id="frame-agency-mark" label="发文机关标志（红色版头）" hint="如“青禾县人民政府文件”；留空则不印红头" error={errorOf("agencyMark")}>
        <Input id="frame-agency-mark" {...register("agencyMark")} />
      </Field>
      <Field id="frame-signer" label="签发人（上行文）" hint="填写后文号居左、签发人居右；留空则文号居中" error={errorOf("signer")}>
        <Input id="frame-signer" {...register("signer")} />
      </Field>
      <Field id="frame-imprint-agency" label="印发机关（版记）" hint="如“青禾县人民政府办公室”；印发日期默认为成文日期" error={errorOf("imprintAgency")}>
        <Input id="frame-imprint-agency" {...register("imprintAgency")} />
      </Field>
      <div className="flex items-center gap-2 self-end pb-2">
        <input id="frame-sealed" type="checkbox" className="size-4 accent-red-800" {...register("isSealed")} />
        <label htmlFor="frame-sealed" className="text-sm text-stone-800">
          加盖印章（署名和成文日期按加盖印章的版式排列）
        </label>
      </div>
      <p className="text-sm text-gray-600 sm:col-span-2">抄送机关、附件和印发日期在每份报告的“版头与版记”中填写；报告中填写的内容优先于这里的设置。</p>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={isPending}>
          保存版头与版记设置
        </Button>
        <FormStatus {...status} />
      </div>
    </form>
  );
}
