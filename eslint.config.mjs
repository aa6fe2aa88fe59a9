import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

/**
 * The domain rules of lib/domain/README.md, checked on every import (relative or `@/`, value or
 * type). Everything not named here is allowed; tests/lint/domain-boundaries.test.ts proves each policy fires.
 */
const domainBoundaries = {
  files: ["**/*.{ts,tsx,mts,cts,js,mjs}"],
  plugins: { boundaries },
  settings: {
    "boundaries/elements": [
      { type: "domain", pattern: "lib/domain/*", partialMatch: false },
      { type: "face", pattern: "app", partialMatch: false },
      { type: "emails", pattern: "emails", partialMatch: false },
      { type: "notifications", pattern: "lib/notifications", partialMatch: false },
      { type: "checkout", pattern: "lib/checkout", partialMatch: false },
    ],
    "boundaries/files": [
      // Every source file is known, so the rules see imports from anywhere (inngest/, lib/jobs, root files).
      { category: "code", pattern: "**/*.{ts,tsx,mts,cts,js,mjs}" },
      // Tests, benchmarks and measurement scripts arrange and observe rows directly: the one exception below.
      { category: "test", pattern: ["**/*.test.ts", "**/*.test.tsx", "tests/**", "e2e/**", "scripts/bench*.ts", "scripts/bench*/**", "scripts/measure-*.ts"] },
      // drizzle needs every table in one module for the typed client.
      { category: "schema-aggregate", pattern: "lib/db/schema.ts" },
    ],
  },
  rules: {
    "boundaries/dependencies": [
      "error",
      {
        default: "allow",
        checkAllOrigins: true,
        policies: [
          {
            from: { element: { type: "domain" } },
            disallow: [
              { to: { element: { type: ["face", "emails", "notifications"] } } },
              // By name too, so the rule holds before such a module exists (an unresolved import has no element).
              { dependency: { source: ["@/app/**", "@/emails/**", "@/lib/notifications", "@/lib/notifications/**"] } },
            ],
            message: "A domain never imports app/, emails/ or lib/notifications: faces and side effects live above the domains.",
          },
          {
            from: { element: { type: "domain" } },
            disallow: [
              { to: { element: { type: "checkout" } } },
              { dependency: { source: ["@/lib/checkout", "@/lib/checkout/**"] } },
            ],
            message: "A domain never imports lib/checkout: orchestration across bookings and payments sits above the domains.",
          },
          {
            from: { element: { type: "domain" } },
            disallow: { to: { module: { origin: "external", source: ["next", "next-auth", "react", "react-dom", "@react-email/*"] } } },
            message: "A domain never imports Next.js or React: it knows no HTTP and renders nothing.",
          },
          {
            from: { element: { type: "domain" } },
            disallow: { to: { element: { type: "domain", fileInternalPath: "!index.ts" } } },
            message: "Another domain is reached only through its index.ts ({{ to.element.path }}).",
          },
          {
            disallow: { to: { element: { type: "domain", fileInternalPath: "schema.ts" } } },
            message: "A domain's tables are its own: only code inside {{ to.element.path }} imports its schema.ts.",
          },
          {
            disallow: { to: { element: { type: "domain", fileInternalPath: "*fixtures.ts" } } },
            message: "Test fixtures are for tests only.",
          },
          {
            from: { file: { categories: "schema-aggregate" } },
            allow: { to: { element: { type: "domain", fileInternalPath: "schema.ts" } } },
          },
          {
            from: { file: { categories: "test" } },
            allow: { to: { element: { type: "domain", fileInternalPath: ["index.ts", "schema.ts", "*fixtures.ts"] } } },
          },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "node_modules/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  domainBoundaries,
];
export default config;
