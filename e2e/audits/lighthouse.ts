// Lighthouse 12 with Debian's Chromium, mobile profile, on the sign-in page and the demo
// customer's account page of the real app (started here like the journeys start it: a fresh
// embedded PostgreSQL, migrations, demo data, the built SPA). Each page is audited several times
// and the run with the median performance score counts (Lighthouse's own advice: one run varies
// by several points). Prints every run and, per page, the spread (performance min–max, TBT median
// and min–max); fails when the median is below performance 95, accessibility 100, best practices
// 95, or when any single run's performance is below 92 (PERFORMANCE_FLOOR).
//   pnpm audit:lighthouse      (after `pnpm build`)
// LIGHTHOUSE_PAGES=account (or signin, or signin,account, the default) audits only those pages.
// LIGHTHOUSE_RUNS=n runs each page n times (default 5, as Lighthouse advises: the median of three
// swung by two points here); LIGHTHOUSE_REPORT_DIR=dir keeps each page's median report there
// (JSON, opens in the Lighthouse viewer).
//
// The app (API and database) runs at the lowest CPU priority (`nice -n 19`; LIGHTHOUSE_APP_NICE=0
// runs it as usual). Lighthouse measures a phone: the page's main-thread tasks, timed here and
// scaled 4×. On a customer's phone the server is another machine; here it shares two cores with
// the browser, and its work for the requests the page sends while it starts (the lower blocks'
// five reads, after the first paint) landed in the browser's tasks: the account page's median
// was 94 (93–96) as usual and 96 (95–97) niced, seven runs each. Niced, the server still runs at
// full speed whenever the browser waits.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import puppeteer from "puppeteer-core";

const MIN = { performance: 95, accessibility: 100, "best-practices": 95 } as const;
// Issue #21 asks for a median performance of at least 95 (MIN) and no single run below 92: a
// median that passes over one run far down hides a page that is sometimes slow.
const PERFORMANCE_FLOOR = 92;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const PAGE_NAMES = { signin: "sign-in page", account: "account page" } as const;
type PageKey = keyof typeof PAGE_NAMES;
const pages = (process.env.LIGHTHOUSE_PAGES ?? "signin,account")
  .split(",")
  .map((p) => p.trim())
  .filter(Boolean);
for (const p of pages) {
  if (!(p in PAGE_NAMES)) throw new Error(`LIGHTHOUSE_PAGES: unknown page "${p}" (signin, account)`);
}
if (!pages.length) throw new Error("LIGHTHOUSE_PAGES names no page (signin, account)");
const audited = (key: PageKey) => pages.includes(key);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`LIGHTHOUSE_RUNS must be a positive integer`);
const port = 4300 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;

const nice = process.env.LIGHTHOUSE_APP_NICE ?? "19";
const app = spawn("nice", ["-n", nice, "bash", new URL("../start-app.sh", import.meta.url).pathname], {
  env: {
    ...process.env,
    E2E_APP_PORT: String(port),
    E2E_PG_PORT: String(port + 20_000),
    E2E_CLOSED_APP_PORT: "0",
    E2E_CLOSED_PG_PORT: "0",
    E2E_CLOCK: "2026-11-20T09:00:00.000Z",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const stop = async () => {
  if (app.exitCode === null) {
    app.kill("SIGTERM");
    await once(app, "exit");
  }
};

const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const metric = (lhr: Result, id: string) => lhr.audits[id]?.displayValue ?? "?";
const tbt = (lhr: Result) => Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN);

/** The spread of a page's runs: performance min–max, TBT median and min–max. */
function spread(runs: Result[]): string {
  const perf = runs.map((r) => score(r, "performance")).sort((a, b) => a - b);
  const tbts = runs.map(tbt).sort((a, b) => a - b);
  const median = (xs: number[]) =>
    xs.length % 2
      ? (xs[(xs.length - 1) / 2] as number)
      : ((xs[xs.length / 2 - 1] as number) + (xs[xs.length / 2] as number)) / 2;
  return (
    `performance ${perf[0]}–${perf.at(-1)} over ${runs.length} run${runs.length === 1 ? "" : "s"}, ` +
    `TBT median ${Math.round(median(tbts))} ms (${tbts[0]}–${tbts.at(-1)} ms)`
  );
}

function summary(lhr: Result): string {
  return (
    `performance ${score(lhr, "performance")}, accessibility ${score(lhr, "accessibility")}, ` +
    `best practices ${score(lhr, "best-practices")}, SEO ${score(lhr, "seo")}  (FCP ${metric(lhr, "first-contentful-paint")}, ` +
    `LCP ${metric(lhr, "largest-contentful-paint")}, TBT ${metric(lhr, "total-blocking-time")}, CLS ${metric(lhr, "cumulative-layout-shift")})`
  );
}

/** The audits of a category that cost it points, for the failure message. */
function failingAudits(lhr: Result, category: string): string[] {
  return Object.values(lhr.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 0.9 &&
        lhr.categories[category]?.auditRefs.some((r) => r.id === a.id && r.weight > 0),
    )
    .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
}

try {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 300) throw new Error("the app did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The account page needs a session: the cookies of a sign-in (the refresh cookie and the
  // session hint the page reads), put into the browser as if it had signed in itself.
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  const cookies = signIn.headers.getSetCookie().map((header) => {
    const [pair = "", ...attributes] = header.split(";");
    const [name = "", value = ""] = pair.split("=");
    const path = attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith("path="));
    return { name, value, domain: "127.0.0.1", path: path?.slice(5) ?? "/", httpOnly: /httponly/i.test(header) };
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const accounts = (await (
    await fetch(`${base}/api/accounts`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).json()) as { accounts: { id: string }[] };
  const accountUrl = `${base}/accounts/${accounts.accounts[0]?.id}`;

  const chrome = await chromeLauncher.launch({
    chromePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const failures: string[] = [];
  try {
    for (const [key, url, signedIn] of [
      ["signin", `${base}/sign-in`, false],
      ["account", accountUrl, true],
    ] as const) {
      if (!audited(key)) continue;
      const name = PAGE_NAMES[key];
      // The signed-out page comes first, before the browser holds any cookie.
      if (signedIn) await browser.setCookie(...cookies);
      const page = await browser.newPage();
      const runs: Result[] = [];
      for (let attempt = 1; runs.length < RUNS; attempt++) {
        if (attempt > RUNS + 2) throw new Error(`${name}: too many failed Lighthouse runs`);
        // The default config is the mobile profile (Moto G Power, slow 4G, 4× CPU slowdown).
        const result = await lighthouse(
          url,
          {
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
          },
          undefined,
          page,
        );
        if (!result?.lhr) throw new Error(`no Lighthouse result for ${name}`);
        // A run Lighthouse itself could not finish (it happens on a loaded machine) scores 0: again.
        if (result.lhr.runtimeError) {
          console.log(`${name.padEnd(14)} run failed (${result.lhr.runtimeError.code}), once more`);
          continue;
        }
        runs.push(result.lhr);
        console.log(`${name.padEnd(14)} run ${runs.length}: ${summary(result.lhr)}`);
      }
      await page.close();
      const sorted = [...runs].sort((a, b) => score(a, "performance") - score(b, "performance"));
      const lhr = sorted[Math.floor(sorted.length / 2)] as Result;
      console.log(`${name.padEnd(14)} median: ${summary(lhr)}; ${lhr.finalDisplayedUrl}`);
      console.log(`${name.padEnd(14)} spread: ${spread(runs)}\n`);
      if (process.env.LIGHTHOUSE_REPORT_DIR) {
        mkdirSync(process.env.LIGHTHOUSE_REPORT_DIR, { recursive: true });
        writeFileSync(`${process.env.LIGHTHOUSE_REPORT_DIR}/${name.replace(/\W+/g, "-")}.json`, JSON.stringify(lhr));
      }
      for (const [id, min] of Object.entries(MIN)) {
        if (score(lhr, id) < min)
          failures.push(`${name}: ${id} ${score(lhr, id)} < ${min}: ${failingAudits(lhr, id).join(", ")}`);
      }
      const worst = sorted[0] as Result;
      if (score(worst, "performance") < PERFORMANCE_FLOOR)
        failures.push(
          `${name}: a run's performance ${score(worst, "performance")} < ${PERFORMANCE_FLOOR} (the floor for any run): ` +
            failingAudits(worst, "performance").join(", "),
        );
      if (signedIn && !lhr.finalDisplayedUrl.includes("/accounts/")) failures.push(`${name}: not signed in`);
    }
  } finally {
    await browser.disconnect();
    await chrome.kill();
  }
  if (failures.length) {
    console.error(failures.join("\n"));
    process.exitCode = 1;
  }
} finally {
  await stop();
}
