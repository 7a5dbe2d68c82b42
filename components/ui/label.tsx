import type { LabelHTMLAttributes, ReactNode } from "react";

import { cn } from "./cn";

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn("mb-1 block text-xs font-medium text-stone-700", className)} {...props} />;
}

/** A labelled form field with its error message, wired with aria-describedby. */
export function Field(props: { id: string; label: string; error?: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <div className={props.className}>
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.children}
      {props.hint && !props.error && <p className="mt-1 text-xs text-stone-500">{props.hint}</p>}
      {props.error && (
        <p id={`${props.id}-error`} role="alert" className="mt-1 text-xs text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}
