import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const REACT_AND_FRAMEWORK = [
  { name: "react", message: "lib 的领域核心不得依赖 React。" },
  { name: "react-dom", message: "lib 的领域核心不得依赖 React。" },
  { name: "@tiptap/react", message: "只有 components/editor 可以使用 @tiptap/react。" },
];
const FRAMEWORK_PATTERNS = [
  { group: ["next", "next/*"], message: "lib 的领域核心不得依赖 Next.js。" },
  { group: ["@/lib/db", "@/lib/db/*", "@/lib/auth", "@/lib/auth/*"], message: "领域核心不访问数据库或会话。" },
  { group: ["@/app/*", "@/components/*"], message: "lib 不得依赖 app 或 components。" },
];

/** The pure domain core: report-model imports nothing internal; the others only report-model. */
const boundaries = [
  {
    files: ["lib/report-model/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: REACT_AND_FRAMEWORK, patterns: [...FRAMEWORK_PATTERNS, { group: ["@/lib/*", "!@/lib/report-model", "!@/lib/report-model/*"], message: "report-model 不依赖其他内部模块。" }] },
      ],
    },
  },
  {
    files: ["lib/validation/**/*.ts", "lib/export/**/*.ts", "lib/import/**/*.ts", "lib/schemas/**/*.ts", "lib/reuse/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: REACT_AND_FRAMEWORK, patterns: FRAMEWORK_PATTERNS }],
    },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db", "@/lib/db/*", "@/lib/auth/*", "@/lib/reports", "@/lib/reports/*"], message: "组件不得直接访问服务端模块；通过 props 或 actions 传入。" }] },
      ],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/db/schema", "@/lib/db/schema/*", "drizzle-orm", "drizzle-orm/*"], message: "app 只调用 lib 的动词，不直接查询数据库。" }] }],
    },
  },
];

const config = [
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "data/**", ".cache/**", "test-results/**", "lib/db/migrations/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...boundaries,
];

export default config;
