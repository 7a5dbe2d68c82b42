"use client";

import { useId, useState } from "react";

import { useCommentSelection } from "@/components/report/comment-selection";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatDateTime } from "@/lib/format";
import type { CreateCommentThread } from "@/lib/schemas/workflow";
import type { CommentThreadView } from "@/lib/workflow/list-comment-threads";

import type { Action, OutlineSection } from "./types";

import { OutlineOptions } from "./outline-options";
import { useAction } from "./use-action";

export interface CommentsPanelProps {
  reportId: string;
  threads: CommentThreadView[];
  outline: OutlineSection[];
  /** Whether the user may open, reply to and resolve threads (`report.comment`). */
  canComment: boolean;
  /** A selection in the editor to comment on; the form also lets the user pick a part or item. */
  selection?: {
    sectionId: string;
    itemId?: string;
    field?: "body" | "itemHeading" | "lead" | "sectionHeading";
    from: number;
    to: number;
    quote: string;
  } | null;
  onCreate: Action<{ reportId: string } & CreateCommentThread, { threadId: string }>;
  onReply: Action<{ reportId: string; threadId: string; body: string }, { commentId: string }>;
  onSetResolved: Action<{ reportId: string; threadId: string; isResolved: boolean }, { isResolved: boolean }>;
}

function anchorLabel(outline: OutlineSection[], thread: Pick<CommentThreadView, "sectionId" | "itemId">): string {
  if (!thread.sectionId) return "全文";
  const section = outline.find((candidate) => candidate.id === thread.sectionId);
  if (!section) return "（已删除的部分）";
  const item = thread.itemId ? section.items.find((candidate) => candidate.id === thread.itemId) : undefined;
  return item ? `${section.heading} › ${item.heading || "（无标题条目）"}` : section.heading;
}

/** Review comments: threads on the report, a part, an item or a quoted range; reply, resolve, reopen. */
export function CommentsPanel({ reportId, threads, outline, canComment, selection: selectionProp, onCreate, onReply, onSetResolved }: CommentsPanelProps) {
  const { run, error, isPending } = useAction();
  const formId = useId();
  // Beside the editor, the text the user last selected in a body is what a new comment is about.
  const editorSelection = useCommentSelection();
  const selection = selectionProp ?? editorSelection;
  const [anchor, setAnchor] = useState(selection ? `${selection.sectionId}|${selection.itemId ?? ""}` : "");
  const [quote, setQuote] = useState(selection?.quote ?? "");
  const [anchoredSelection, setAnchoredSelection] = useState(selection);
  if (selection !== anchoredSelection) {
    setAnchoredSelection(selection);
    if (selection) {
      setAnchor(`${selection.sectionId}|${selection.itemId ?? ""}`);
      setQuote(selection.quote);
    }
  }
  const [body, setBody] = useState("");
  const [showResolved, setShowResolved] = useState(false);
  const unresolved = threads.filter((thread) => !thread.isResolved).length;
  const visible = threads.filter((thread) => showResolved || !thread.isResolved);

  const create = async () => {
    const [sectionId = "", itemId = ""] = anchor.split("|");
    const isSelection = selection && selection.sectionId === sectionId && (selection.itemId ?? "") === itemId && selection.quote === quote;
    const isDone = await run(() =>
      onCreate({
        reportId,
        body,
        anchor: isSelection
          ? { sectionId, itemId: itemId || null, field: selection.field ?? "body", from: selection.from, to: selection.to, quote }
          : { sectionId: sectionId || null, itemId: itemId || null, quote },
      }),
    );
    if (isDone) {
      setBody("");
      setQuote("");
    }
  };

  return (
    <section aria-labelledby={`${formId}-title`} className="rounded border border-stone-200 bg-white p-3" data-testid="comments-panel">
      <div className="mb-2 flex items-center gap-2">
        <h2 id={`${formId}-title`} className="text-sm font-semibold">
          审核意见
        </h2>
        <Badge tone={unresolved > 0 ? "warning" : "success"} data-testid="unresolved-count">
          未解决 {unresolved} 条
        </Badge>
        <label className="ml-auto flex items-center gap-1 text-xs text-stone-600">
          <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />
          显示已解决
        </label>
      </div>
      {visible.length === 0 ? <p className="text-sm text-stone-500">{threads.length === 0 ? "还没有意见。" : "意见都已解决。"}</p> : null}
      <ol className="space-y-3">
        {visible.map((thread) => (
          <CommentThread
            key={thread.id}
            reportId={reportId}
            thread={thread}
            label={anchorLabel(outline, thread)}
            canComment={canComment}
            onReply={onReply}
            onSetResolved={onSetResolved}
          />
        ))}
      </ol>
      {canComment ? (
        <form
          className="mt-4 space-y-2 border-t border-stone-100 pt-3"
          aria-label="提出意见"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <div>
            <Label htmlFor={`${formId}-anchor`}>意见针对</Label>
            <select
              id={`${formId}-anchor`}
              className="h-9 w-full rounded border border-stone-300 bg-white px-2 text-sm"
              value={anchor}
              onChange={(event) => setAnchor(event.target.value)}
            >
              <option value="">全文</option>
              <OutlineOptions outline={outline} />
            </select>
          </div>
          <div>
            <Label htmlFor={`${formId}-quote`}>引用原文（可选）</Label>
            <Input id={`${formId}-quote`} value={quote} onChange={(event) => setQuote(event.target.value)} maxLength={500} />
          </div>
          <div>
            <Label htmlFor={`${formId}-body`}>意见内容</Label>
            <Textarea id={`${formId}-body`} rows={3} value={body} onChange={(event) => setBody(event.target.value)} />
          </div>
          <Button type="submit" variant="primary" disabled={isPending || !body.trim()}>
            提出意见
          </Button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}

interface CommentThreadProps {
  reportId: string;
  thread: CommentThreadView;
  label: string;
  canComment: boolean;
  onReply: CommentsPanelProps["onReply"];
  onSetResolved: CommentsPanelProps["onSetResolved"];
}

function CommentThread({ reportId, thread, label, canComment, onReply, onSetResolved }: CommentThreadProps) {
  const { run, error, isPending } = useAction();
  const [reply, setReply] = useState("");
  const replyId = useId();
  return (
    <li
      className={`rounded border p-2 text-sm ${thread.isResolved ? "border-stone-200 bg-stone-50 text-stone-500" : "border-amber-200 bg-amber-50/40"}`}
      data-testid="comment-thread"
    >
      <div className="mb-1 flex items-center gap-2 text-xs text-stone-600">
        <span>{label}</span>
        {thread.isResolved ? <Badge tone="success">已解决{thread.resolvedByName ? `（${thread.resolvedByName}）` : ""}</Badge> : null}
      </div>
      {thread.quote ? <blockquote className="mb-1 border-l-2 border-stone-300 pl-2 text-stone-600">“{thread.quote}”</blockquote> : null}
      <ul className="space-y-1">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <span className="font-medium">{comment.authorName}</span>
            <span className="ml-2 text-xs text-stone-500">{formatDateTime(new Date(comment.createdAt))}</span>
            <p className="whitespace-pre-wrap">{comment.body}</p>
          </li>
        ))}
      </ul>
      {canComment ? (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          {!thread.isResolved ? (
            <form
              className="flex flex-1 items-end gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                void run(
                  () => onReply({ reportId, threadId: thread.id, body: reply }),
                  () => setReply(""),
                );
              }}
            >
              <label htmlFor={replyId} className="sr-only">
                回复
              </label>
              <Input id={replyId} placeholder="回复…" value={reply} onChange={(event) => setReply(event.target.value)} />
              <Button type="submit" size="md" disabled={isPending || !reply.trim()}>
                回复
              </Button>
            </form>
          ) : null}
          <Button
            size="md"
            disabled={isPending}
            onClick={() => void run(() => onSetResolved({ reportId, threadId: thread.id, isResolved: !thread.isResolved }))}
          >
            {thread.isResolved ? "重新打开" : "标记为已解决"}
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}
