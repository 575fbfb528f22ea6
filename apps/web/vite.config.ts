import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { bundleBudget } from "./build/bundle-budget.ts";
import { firstScreenChunks } from "./build/first-screen-chunks.ts";
import { precompress } from "./build/precompress.ts";
import { routePreload } from "./build/route-preload.ts";

/**
 * The first screens must load fast on a phone (issue #8): their JavaScript, gzip, at most this.
 * What a screen shows only on demand (dialogs, the reading form, the chart, the cards below the
 * fold) loads after it.
 */
const FIRST_SCREEN_BUDGET_KB = 170;

/**
 * The first screens of most visits, by the modules they are made of: whoever comes without a
 * session sees the sign-in page first, whatever the address; whoever has one, the cabinet and
 * (mostly) an account page, and runs the early script before the app. How a page loads, and how
 * to switch each piece off to measure it: docs/page-load.md.
 */
const SIGNED_OUT = { routes: ["/src/app/routes/sign-in.tsx"] };
const SIGNED_IN = {
  routes: ["/src/app/routes/cabinet.tsx", "/src/app/routes/account.tsx", "/src/boot/first-screen.ts"],
  scripts: ["/src/boot/early-session.ts"],
};

/** The chunks cut by first screen rather than by module sharing. */
const firstScreens = () =>
  firstScreenChunks({
    root: fileURLToPath(new URL(".", import.meta.url)),
    entry: "/src/main.tsx",
    screens: [
      { name: "sign-in", routes: SIGNED_OUT.routes },
      { name: "signed-in", routes: SIGNED_IN.routes },
    ],
  });

// `--mode mock` builds the SPA with the MSW mock API (no backend) into dist-mock/.
export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    precompress(),
    // The real app only (the mock build carries MSW on purpose).
    ...(mode === "mock"
      ? []
      : [
          bundleBudget({
            screens: [
              { name: "sign-in page", ...SIGNED_OUT, budgetKb: FIRST_SCREEN_BUDGET_KB },
              { name: "account page", ...SIGNED_IN, budgetKb: FIRST_SCREEN_BUDGET_KB },
            ],
          }),
          routePreload({
            variants: [
              { name: "signed-out", ...SIGNED_OUT },
              { name: "signed-in", ...SIGNED_IN },
            ],
          }),
        ]),
  ],
  publicDir: mode === "mock" ? "mock-public" : "public",
  build: {
    outDir: mode === "mock" ? "dist-mock" : "dist",
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [firstScreens()] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: mode === "mock" ? undefined : { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  preview: { port: 4173 },
  test: {
    name: "web",
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/testing/setup-tests.ts"],
    // Journey tests drive whole flows in jsdom; on a busy two-core runner 5 s is too tight.
    testTimeout: 15_000,
  },
}));
