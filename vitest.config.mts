import path from "node:path";

import { defineConfig } from "vitest/config";

const alias = {
  "@": import.meta.dirname,
  // Vitest is not a React server; the marker package would throw outside one.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
    // `npm test` measures coverage (V8) of the code the test processes run; the summary is printed at the end.
    coverage: {
      provider: "v8",
      include: ["lib/**/*.ts", "components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "templates/**/*.ts"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "test-results/coverage",
    },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
          // The DOM geometry jsdom lacks, for the files that run in jsdom.
          setupFiles: ["tests/helpers/jsdom-layout.ts"],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Tests that spawn processes (the compiled CLI, several contenders for a lock): slower than unit tests.
          name: "process",
          include: ["tests/process/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration-pglite",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          env: { TEST_DB_KIND: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration-postgres",
          include: ["tests/integration/**/*.test.ts"],
          // Suites that drive the embedded database through child processes, or need no database at all (LibreOffice
          // layout), run once, in the PGlite project.
          exclude: ["tests/integration/cli.test.ts", "tests/integration/supervision-cli.test.ts", "tests/integration/libreoffice-*.test.ts"],
          environment: "node",
          env: { TEST_DB_KIND: "postgres" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts", "tests/reliability/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/e2e-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
