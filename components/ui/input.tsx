import { forwardRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";

import { cn } from "./cn";

const FIELD =
  "w-full rounded border border-stone-300 bg-white px-2 text-sm text-stone-900 placeholder:text-stone-400 " +
  "focus-visible:border-blue-700 focus-visible:outline-2 focus-visible:outline-blue-700/30 " +
  "disabled:bg-stone-100 disabled:text-stone-500 aria-[invalid=true]:border-red-600";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input({ className, ...props }, ref) {
  return <input ref={ref} className={cn(FIELD, "h-9", className)} {...props} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea({ className, ...props }, ref) {
  return <textarea ref={ref} className={cn(FIELD, "py-1.5 leading-relaxed", className)} {...props} />;
});
