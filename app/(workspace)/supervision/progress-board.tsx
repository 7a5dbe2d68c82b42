"use client";

import Link from "next/link";
import { useMemo, useState } from "react";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatChineseDate, formatDate } from "@/lib/report-model";
import { BOARD_STATE_LABELS, BOARD_STATES, isBoardState, type BoardState } from "@/lib/supervision/board-states";
import { describeDaysLeft, filterBoard, levelLabel, sortBoard, type BoardSortKey } from "@/lib/supervision/board-view";
import type { BoardRow } from "@/lib/supervision/progress-board";

import { ReminderForm } from "./reminder-form";

const STATE_TONES: Record<BoardState, BadgeTone> = { not_started: "danger", drafting: "neutral", in_review: "warning", signed: "info", published: "success" };

const COLUMNS: Array<{ key: BoardSortKey | null; label: string }> = [
  { key: "agency", label: "机关" },
  { key: "state", label: "状态" },
  { key: "daysLeft", label: "期限" },
  { key: "errors", label: "错误" },
  { key: null, label: "缺少的法定部分" },
  { key: "lastTouched", label: "最后修改" },
  { key: null, label: "公开" },
  { key: null, label: "催办" },
];

export function ProgressBoard({ rows, year }: { rows: BoardRow[]; year: number }) {
  const [level, setLevel] = useState("");
  const [state, setState] = useState<BoardState | "">("");
  const [sort, setSort] = useState<{ key: BoardSortKey; direction: "asc" | "desc" } | null>(null);
  const levels = useMemo(() => [...new Set(rows.map((row) => row.level))], [rows]);
  const visible = useMemo(() => {
    const filtered = filterBoard(rows, { level: level || undefined, state: state || undefined });
    return sort ? sortBoard(filtered, sort.key, sort.direction) : filtered;
  }, [rows, level, state, sort]);
  const csvQuery = new URLSearchParams({ year: String(year), ...(level ? { level } : {}), ...(state ? { state } : {}) });
  const onSort = (key: BoardSortKey) =>
    setSort((current) => (current?.key === key ? { key, direction: current.direction === "asc" ? "desc" : "asc" } : { key, direction: "asc" }));

  return (
    <section aria-label="进度看板">
      <div className="mb-3 flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor="board-level" className="mb-1 block text-xs text-gray-600">
            层级
          </label>
          <select
            id="board-level"
            value={level}
            onChange={(event) => setLevel(event.target.value)}
            className="h-9 rounded border border-gray-300 bg-white px-2"
          >
            <option value="">全部层级</option>
            {levels.map((value) => (
              <option key={value} value={value}>
                {levelLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="board-state" className="mb-1 block text-xs text-gray-600">
            状态
          </label>
          <select
            id="board-state"
            value={state}
            onChange={(event) => setState(isBoardState(event.target.value) ? event.target.value : "")}
            className="h-9 rounded border border-gray-300 bg-white px-2"
          >
            <option value="">全部状态</option>
            {BOARD_STATES.map((value) => (
              <option key={value} value={value}>
                {BOARD_STATE_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <p className="text-gray-600" aria-live="polite">
          显示 {visible.length} / {rows.length} 个机关
        </p>
        <a
          href={`/api/supervision/board?${csvQuery.toString()}`}
          className="ml-auto rounded border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-50"
          data-testid="download-board-csv"
        >
          导出 CSV
        </a>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[1100px] rounded border border-gray-200 bg-white text-sm" data-testid="progress-board">
          <thead className="bg-gray-50 text-left text-gray-700">
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  className="px-3 py-2 font-medium whitespace-nowrap"
                  aria-sort={column.key && sort?.key === column.key ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
                >
                  {column.key ? (
                    <button type="button" onClick={() => onSort(column.key!)} className="inline-flex items-center gap-1 hover:text-gray-900">
                      {column.label}
                      <span aria-hidden="true" className="text-xs text-gray-400">
                        {sort?.key === column.key ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
                      </span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr
                key={row.agencyId}
                className={`border-t border-gray-100 align-top ${row.isOverdue ? "bg-red-50" : ""}`}
                data-testid="board-row"
                data-agency={row.agencyName}
                data-state={row.state}
              >
                <td className="px-3 py-2 whitespace-nowrap">
                  {row.reportId ? (
                    <Link href={`/supervision/reports/${row.reportId}`} className="text-red-900 hover:underline">
                      {row.agencyName}
                    </Link>
                  ) : (
                    row.agencyName
                  )}
                  <span className="ml-1 text-xs text-gray-500">{levelLabel(row.level)}</span>
                </td>
                <td className="px-3 py-2">
                  <Badge tone={STATE_TONES[row.state]}>{BOARD_STATE_LABELS[row.state]}</Badge>
                </td>
                <td
                  className={`px-3 py-2 whitespace-nowrap ${row.isOverdue ? "font-medium text-red-700" : ""}`}
                  data-testid="board-deadline"
                  data-overdue={row.isOverdue ? "true" : "false"}
                >
                  {row.daysLeft === null ? (
                    <span className="text-gray-500">公开已完成</span>
                  ) : (
                    <>
                      <span className="block">{describeDaysLeft(row)}</span>
                      <span className="block text-xs text-gray-500">
                        {row.deadlineLabel}截止 {formatChineseDate(row.dueDate)}
                      </span>
                    </>
                  )}
                </td>
                <td className="px-3 py-2 tabular-nums">
                  {row.errorCount === null ? "—" : row.errorCount > 0 ? <span className="text-red-700">{row.errorCount} 个</span> : "0"}
                </td>
                <td className="max-w-sm px-3 py-2 text-xs">
                  {row.reportId === null ? "—" : row.missingParts.length > 0 ? row.missingParts.join("；") : <span className="text-gray-500">齐全</span>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-gray-600">{row.lastTouchedAt ? formatDate(new Date(row.lastTouchedAt)) : "—"}</td>
                <td className="px-3 py-2 text-xs whitespace-nowrap">
                  {row.publishedOn ? (
                    <>
                      <span className="block">{formatChineseDate(row.publishedOn)}</span>
                      {row.isPublishedLate ? <Badge tone="danger">逾期公开</Badge> : null}
                      {row.publishedUrl ? (
                        <a href={row.publishedUrl} className="block max-w-48 truncate text-red-900 hover:underline" rel="noreferrer">
                          {row.publishedUrl}
                        </a>
                      ) : null}
                    </>
                  ) : (
                    "—"
                  )}
                  {row.reportId && (row.state === "signed" || row.state === "published") ? (
                    <Link href={`/publication/${row.reportId}`} className="block text-red-900 hover:underline">
                      公开版本
                    </Link>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {row.state === "published" ? null : (
                    <ReminderForm
                      agencyId={row.agencyId}
                      agencyName={row.agencyName}
                      year={year}
                      dueDate={row.dueDate}
                      deadlineLabel={row.deadlineLabel}
                      lastReminderAt={row.lastReminderAt}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
