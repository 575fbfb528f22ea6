import { defineConfig, devices } from "@playwright/test";
import { CLOSED_DAY, OPEN_DAY } from "./support/dates.ts";

// Debian's Chromium (ARCHITECTURE.md): never `playwright install`, which downloads a browser.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium";
const args = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Fixed per run (workers inherit the environment) so the app and the tests agree.
process.env.E2E_APP_PORT ??= "4100";
process.env.E2E_MOCK_PORT ??= "4174";
process.env.E2E_PG_PORT ??= String(55000 + Math.floor(Math.random() * 5000));
process.env.E2E_CLOSED_APP_PORT ??= "4101";
process.env.E2E_CLOSED_PG_PORT ??= String(Number(process.env.E2E_PG_PORT) + 1);
const appURL = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;
const closedURL = `http://127.0.0.1:${process.env.E2E_CLOSED_APP_PORT}`;

const mockURL = `http://127.0.0.1:${process.env.E2E_MOCK_PORT}`;

export default defineConfig({
  testDir: "tests",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Two cores run three servers and two browsers here: allow for a slow moment.
  timeout: 60_000,
  expect: { timeout: 12_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args },
  },
  projects: [
    {
      name: "app",
      testIgnore: /reading-window-closed\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: appURL, launchOptions: { executablePath, args } },
    },
    { name: "mock", use: { ...devices["Desktop Chrome"], baseURL: mockURL, launchOptions: { executablePath, args } } },
    {
      // The same app with its clock after the window: the closed form.
      name: "app-closed",
      testMatch: /reading-window-closed\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: closedURL, launchOptions: { executablePath, args } },
    },
    {
      name: "app-phone",
      testMatch: /layout\.spec\.ts/,
      use: {
        ...devices["Pixel 7"],
        viewport: { width: 360, height: 740 },
        baseURL: appURL,
        launchOptions: { executablePath, args },
      },
    },
  ],
  webServer: [
    {
      command: "./start-app.sh",
      env: { E2E_CLOCK: OPEN_DAY },
      url: `${appURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      command: "./start-app.sh",
      env: {
        E2E_CLOCK: CLOSED_DAY,
        E2E_APP_PORT: String(process.env.E2E_CLOSED_APP_PORT),
        E2E_PG_PORT: String(process.env.E2E_CLOSED_PG_PORT),
      },
      url: `${closedURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      command: `pnpm --dir ../apps/web exec vite preview --mode mock --port ${process.env.E2E_MOCK_PORT} --strictPort --host 127.0.0.1`,
      url: mockURL,
      timeout: 60_000,
      reuseExistingServer: false,
    },
  ],
});
