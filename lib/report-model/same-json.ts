/**
 * Deep equality of JSON values, ignoring object key order: the server stores reports as jsonb,
 * which reorders keys, so the same content can come back serialised differently.
 */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => isSameJson(value, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  // Absent and undefined are the same once sent as JSON.
  const keys = new Set([...Object.keys(left), ...Object.keys(right)].filter((key) => left[key] !== undefined || right[key] !== undefined));
  for (const key of keys) if (!isSameJson(left[key], right[key])) return false;
  return true;
}
