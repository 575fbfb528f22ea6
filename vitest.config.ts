import { defineConfig } from "vitest/config";

// Customer-facing dates are computed in Moscow time; running far from Moscow proves it.
process.env.TZ = "America/Los_Angeles";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "packages", include: ["packages/*/src/**/*.test.ts"] } },
      {
        // The API and the database package share one PostgreSQL cluster per run; each test file
        // gets its own database copied from a migrated template.
        test: {
          name: "server",
          include: ["prisma/src/**/*.test.ts", "apps/api/src/**/*.test.ts"],
          globalSetup: ["prisma/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      "apps/web/vite.config.ts",
    ],
  },
});
