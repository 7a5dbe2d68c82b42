/** The outcome of the last submission of an admin form. */
export function FormStatus({ error, success }: { error?: string; success?: string }) {
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error}
      </p>
    );
  if (success)
    return (
      <p role="status" className="text-sm text-green-700">
        {success}
      </p>
    );
  return null;
}

export function firstError(result: { message: string; fieldErrors?: Record<string, string[]> }): string {
  const [field, messages] = Object.entries(result.fieldErrors ?? {})[0] ?? [];
  return field && messages?.[0] ? messages[0] : result.message;
}
