"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

import { cn } from "./cn";

export interface DialogProps {
  open: boolean;
  /** Called when the user dismisses the dialog (Esc or the close button). */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** @default "md" */
  size?: "md" | "lg" | "xl";
  /** When false, Esc does not close it (decisions that must be made). @default true */
  isDismissable?: boolean;
  testId?: string;
}

const SIZES = { md: "w-[min(32rem,95vw)]", lg: "w-[min(56rem,95vw)]", xl: "w-[min(72rem,96vw)]" };

/** Modal built on the native <dialog>: focus trap, Esc and inert background come from the browser. */
export function Dialog({ open, onClose, title, description, children, footer, size = "md", isDismissable = true, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    } else if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (isDismissable) onClose();
      }}
      onClose={(event) => {
        // The browser may still close it (a repeated Esc); keep a required decision on screen.
        if (!open) return;
        if (isDismissable) onClose();
        else if (typeof event.currentTarget.showModal === "function") event.currentTarget.showModal();
      }}
      className={cn("m-auto max-h-[92vh] rounded-md border border-stone-300 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/40", SIZES[size])}
    >
      {open && (
        <div className="flex max-h-[92vh] flex-col">
          <header className="flex items-start justify-between gap-4 border-b border-stone-200 px-5 py-3">
            <div>
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description && <div className="mt-1 text-sm text-stone-600">{description}</div>}
            </div>
            {isDismissable && (
              <button
                type="button"
                onClick={onClose}
                aria-label="关闭"
                className="rounded px-2 text-lg leading-none text-stone-500 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-700"
              >
                ×
              </button>
            )}
          </header>
          <div className="min-h-0 flex-1 overflow-auto px-5 py-4">{children}</div>
          {footer && <footer className="flex flex-wrap justify-end gap-2 border-t border-stone-200 px-5 py-3">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
