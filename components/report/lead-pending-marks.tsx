"use client";

import { Button } from "@/components/ui/button";
import type { ReportSection } from "@/lib/report-model";

interface LeadPendingMarksProps {
  section: ReportSection;
  isEditable: boolean;
  onSectionChange: (sectionId: string, change: (section: ReportSection) => ReportSection) => void;
}

/** "待更新" marks roll-forward left on a part's lead; a mark goes when its text is edited away or confirmed. */
export function LeadPendingMarks({ section, isEditable, onSectionChange }: LeadPendingMarksProps) {
  const marks = (section.leadPendingUpdates ?? []).filter((mark) => section.lead.includes(mark.text));
  if (marks.length === 0) return null;
  const confirm = (markId: string) =>
    onSectionChange(section.id, (current) => ({ ...current, leadPendingUpdates: (current.leadPendingUpdates ?? []).filter((mark) => mark.id !== markId) }));
  return (
    <div className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-950" data-testid={`lead-pending-${section.id}`}>
      <p className="mb-1">导语沿用自去年，请核对以下内容是否需要更新：</p>
      <ul className="flex flex-wrap gap-2">
        {marks.map((mark) => (
          <li key={mark.id} className="inline-flex items-center gap-1 rounded bg-white px-1.5 py-0.5 ring-1 ring-amber-300">
            待更新：{mark.text}
            {isEditable && (
              <Button size="sm" variant="ghost" aria-label={`确认“${mark.text}”无需更新`} onClick={() => confirm(mark.id)}>
                确认
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
