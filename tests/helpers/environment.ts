import { existsSync } from "node:fs";
import path from "node:path";

/** Under CI nothing may be skipped: a missing server, browser or corpus is a failure there. */
export const IS_CI = process.env.CI === "true";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const SHARED_DIR = path.resolve(REPO_ROOT, "..", "shared");

/** True when the suite can run; prints a notice (or throws under CI) when it cannot. */
export function requireOrSkip(isAvailable: boolean, what: string): boolean {
  if (isAvailable) return true;
  if (IS_CI) throw new Error(`CI=true: ${what} is required but missing`);
  console.warn(`[skip] ${what} is missing; skipping these tests (CI=true would fail instead)`);
  return false;
}

export function hasSharedCorpus(): boolean {
  return requireOrSkip(existsSync(path.join(SHARED_DIR, "corpus")), `../shared/corpus (${SHARED_DIR})`);
}
