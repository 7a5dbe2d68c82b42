import { existsSync } from "node:fs";

import type { TestProject } from "vitest/node";

import { buildAppSync, isBuildCurrent } from "@/lib/cli/build-state";

import { IS_CI } from "./environment";

import { CHROMIUM_PATH } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    /** Empty when the browser suite can run, else why it cannot. */
    e2eUnavailableReason: string;
  }
}

/** Builds the production app once for all browser suites (skipped when the build is current). */
export default function setup(project: TestProject): void {
  if (!existsSync(CHROMIUM_PATH)) {
    if (IS_CI) throw new Error(`CI=true: Chromium is required at ${CHROMIUM_PATH}`);
    project.provide("e2eUnavailableReason", `Chromium not found at ${CHROMIUM_PATH}`);
    return;
  }
  if (!isBuildCurrent()) {
    console.log("[e2e] building the app (next build)…");
    if (!buildAppSync()) throw new Error("next build failed");
  }
  project.provide("e2eUnavailableReason", "");
}
