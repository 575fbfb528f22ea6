import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// `--mode mock` builds the SPA with the MSW mock API (no backend) into dist-mock/.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  publicDir: mode === "mock" ? "mock-public" : "public",
  build: { outDir: mode === "mock" ? "dist-mock" : "dist", sourcemap: false },
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
  },
}));
