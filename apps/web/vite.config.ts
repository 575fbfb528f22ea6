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

/** The first screens of most visits, by the route modules they are made of. */
const SIGN_IN_ROUTES = ["/src/app/routes/sign-in.tsx"];
const ACCOUNT_ROUTES = ["/src/app/routes/cabinet.tsx", "/src/app/routes/account.tsx", "/src/boot/first-screen.ts"];

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
              { name: "sign-in page", routes: SIGN_IN_ROUTES, budgetKb: FIRST_SCREEN_BUDGET_KB },
              { name: "account page", routes: ACCOUNT_ROUTES, budgetKb: FIRST_SCREEN_BUDGET_KB },
            ],
          }),
          // Whoever comes without a session sees the sign-in page first, whatever the address;
          // whoever has one, the cabinet and (mostly) an account page.
          routePreload({
            variants: [
              { name: "signed-out", routes: SIGN_IN_ROUTES },
              { name: "signed-in", routes: ACCOUNT_ROUTES, scripts: ["/src/boot/early-session.ts"] },
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
        codeSplitting: {
          groups: [
            firstScreenChunks({
              root: fileURLToPath(new URL(".", import.meta.url)),
              entry: "/src/main.tsx",
              screens: [
                { name: "sign-in", routes: SIGN_IN_ROUTES },
                { name: "signed-in", routes: ACCOUNT_ROUTES },
              ],
            }),
          ],
        },
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
