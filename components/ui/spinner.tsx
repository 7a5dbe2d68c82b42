import { cn } from "./cn";

export function Spinner({ label = "加载中", className }: { label?: string; className?: string }) {
  return (
    <span role="status" className={cn("inline-flex items-center gap-2 text-sm text-stone-600", className)}>
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-stone-300 border-t-red-800" />
      <span>{label}</span>
    </span>
  );
}
