"use client";

import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";
import { useAction } from "@/components/workflow/use-action";

import { createSummaryDraftAction } from "../actions";

/** Starts the agency's own report for the year with the summary's figures in its measures part. */
export function SummaryDraftButton({ year }: { year: number }) {
  const router = useRouter();
  const { run, error, isPending } = useAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="primary"
        disabled={isPending}
        onClick={() =>
          run(
            () => createSummaryDraftAction({ year }),
            (data) => router.push(`/reports/${data.reportId}`),
          )
        }
      >
        用汇总数据起草本机关报告
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
