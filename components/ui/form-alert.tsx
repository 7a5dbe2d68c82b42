/** A form-level error, announced to screen readers; renders nothing without a message. */
export function FormAlert({ message, className = "mb-4" }: { message?: string; className?: string }) {
  if (!message) return null;
  return (
    <div role="alert" className={`${className} rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700`}>
      {message}
    </div>
  );
}
