import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints the plain closing line "Tests: N passed, N failed, N skipped" that CI reads.
 * Under CI=true nothing may be skipped: any skipped test is listed and fails the run. An error thrown outside any
 * test (which fails the run although every test passed) is counted on a line of its own, so the log says why.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []): void {
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped.push(`${testModule.project.name} › ${testModule.moduleId.replace(process.cwd() + "/", "")} › ${testCase.fullName}`);
      }
      if (testModule.state() === "failed" && testModule.children.size === 0) failed += 1;
    }
    if (process.env.CI === "true" && skipped.length > 0) {
      process.stdout.write(`\nCI=true: ${skipped.length} test(s) skipped, which CI does not allow:\n${skipped.map((name) => `  - ${name}`).join("\n")}\n`);
      process.exitCode = 1;
    }
    if (unhandledErrors.length > 0) {
      process.stdout.write(`\nUnhandled errors: ${unhandledErrors.length} (outside any test; the run fails — see "Unhandled Errors" above)\n`);
    }
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped.length} skipped\n`);
  }
}
