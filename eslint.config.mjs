import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * Import boundaries as allow-lists: each folder of the pure core names what it may import; anything else —
 * another internal module, a framework, a database driver, a `node:` built-in where none is allowed, or a
 * relative path that climbs out of the folder — is an error. tests/unit/lint/boundaries.test.ts proves each
 * boundary fails when crossed.
 */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** Matches an import of `name` itself or of a path inside it. */
const modulePattern = (name) => (name.endsWith("*") ? `${escape(name.slice(0, -1))}.*` : `${escape(name)}(/.*)?`);

const PURE_CORE = {
  "lib/report-model": {
    allow: ["zod", "@tiptap/core", "@tiptap/extension-*", "@tiptap/extensions", "@tiptap/pm"],
    node: false,
  },
  "lib/text": { allow: [], node: false },
  "lib/validation": { allow: ["zod", "@/lib/report-model", "@/lib/text"], node: false },
  "lib/reuse": { allow: ["zod", "diff", "@/lib/report-model", "@/lib/text", "@/lib/errors", "@/templates"], node: false },
  "lib/schemas": { allow: ["zod", "@/lib/report-model"], node: false },
  "lib/export": {
    allow: ["zod", "@/lib/report-model", "@/lib/fonts", "@/lib/jobs", "@/templates", "docx", "fflate", "@myriaddreamin/typst-ts-node-compiler"],
    node: true,
  },
  "lib/import": {
    allow: [
      "zod",
      "@/lib/report-model",
      "@/lib/jobs",
      "@/templates",
      "mammoth",
      "fflate",
      "iconv-lite",
      "opencc-js",
      "pdfjs-dist",
      "htmlparser2",
      "entities",
      "domhandler",
    ],
    node: true,
  },
};
const MAX_DEPTH = 5;

function pureCoreBoundaries() {
  const configs = [];
  for (const [folder, { allow, node }] of Object.entries(PURE_CORE)) {
    const allowed = [...allow, ...(node ? ["node:*"] : [])].map(modulePattern);
    for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
      const files = depth === 0 ? [`${folder}/*.ts`, `${folder}/*.mts`] : [`${folder}/${"*/".repeat(depth)}*.ts`, `${folder}/${"*/".repeat(depth)}*.mts`];
      // A relative import may go up at most `depth` levels: further would leave the folder.
      const climbsOut = `^(\\.\\./){${depth + 1},}`;
      configs.push({
        files,
        rules: {
          "no-restricted-imports": [
            "error",
            {
              patterns: [
                { regex: `^(?!\\.|(?:${allowed.join("|")})$)`, message: `${folder} 只能导入：${[...allow, ...(node ? ["node:*"] : [])].join("、")}。` },
                { regex: climbsOut, message: `相对路径不得离开 ${folder}；请通过允许的模块导入。` },
              ],
            },
          ],
        },
      });
    }
  }
  return configs;
}

/** Client components reach server code only through props and actions; they may import client-safe lib modules. */
const COMPONENT_ALLOWED_LIB = ["@/lib/report-model", "@/lib/validation", "@/lib/schemas", "@/lib/reuse", "@/lib/format", "@/lib/errors", "@/lib/collab"];

const boundaries = [
  ...pureCoreBoundaries(),
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "server-only", message: "组件在浏览器运行，不得导入服务端模块。" }],
          patterns: [
            {
              regex: `^@/lib/(?!(${COMPONENT_ALLOWED_LIB.map((name) => escape(name.slice("@/lib/".length))).join("|")})(/|$))`,
              allowTypeImports: true,
              message: `组件只能导入 ${COMPONENT_ALLOWED_LIB.join("、")}（服务端模块只能导入类型）；数据通过 props 或 actions 传入。`,
            },
            { regex: "^(drizzle-orm|pg|@electric-sql/pglite|next-auth/next|bcryptjs)(/|$)", message: "组件不得依赖数据库或会话库。" },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db", importNames: ["tables"], message: "app 只调用 lib 的动词，不直接查询数据库表。" }],
          patterns: [
            { regex: "^@/lib/db/", allowTypeImports: true, message: "app 只调用 lib 的动词，不直接查询数据库。" },
            { regex: "^(drizzle-orm|pg|@electric-sql/pglite)(/|$)", message: "app 只调用 lib 的动词，不直接查询数据库。" },
          ],
        },
      ],
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
