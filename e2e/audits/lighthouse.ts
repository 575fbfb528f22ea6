// Lighthouse 12 with Debian's Chromium, mobile profile, on the sign-in page and the demo
// customer's account page of the real app (started here like the journeys start it: a fresh
// embedded PostgreSQL, migrations, demo data, the built SPA). Prints the four scores per page
// and fails below: performance 95, accessibility 100, best practices 95.
//   pnpm audit:lighthouse      (after `pnpm build`)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const MIN = { performance: 95, accessibility: 100, "best-practices": 95 } as const;
const port = 4300 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;

const app = spawn("bash", [new URL("../start-app.sh", import.meta.url).pathname], {
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
  // The account page needs a session: the refresh cookie of a sign-in, as the browser would hold it.
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const accounts = (await (
    await fetch(`${base}/api/accounts`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).json()) as { accounts: { id: string }[] };
  const accountUrl = `${base}/accounts/${accounts.accounts[0]?.id}`;

  const chrome = await chromeLauncher.launch({
    chromePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const failures: string[] = [];
  try {
    for (const [name, url, headers] of [
      ["sign-in page", `${base}/sign-in`, {}],
      ["account page", accountUrl, { Cookie: cookie }],
    ] as const) {
      // The default config is the mobile profile (Moto G Power, slow 4G, 4× CPU slowdown).
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        extraHeaders: headers,
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`no Lighthouse result for ${name}`);
      const scores = Object.fromEntries(
        Object.entries(lhr.categories).map(([id, category]) => [id, Math.round((category.score ?? 0) * 100)]),
      );
      const landed = lhr.finalDisplayedUrl;
      console.log(
        `${name.padEnd(14)} performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores["best-practices"]}, SEO ${scores.seo}` +
          `  (FCP ${lhr.audits["first-contentful-paint"]?.displayValue}, LCP ${lhr.audits["largest-contentful-paint"]?.displayValue}, TBT ${lhr.audits["total-blocking-time"]?.displayValue}, CLS ${lhr.audits["cumulative-layout-shift"]?.displayValue}; ${landed})`,
      );
      for (const [id, min] of Object.entries(MIN)) {
        if ((scores[id] ?? 0) < min) {
          const failing = Object.values(lhr.audits)
            .filter(
              (a) =>
                a.score !== null &&
                a.score < 0.9 &&
                lhr.categories[id]?.auditRefs.some((r) => r.id === a.id && r.weight > 0),
            )
            .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
          failures.push(`${name}: ${id} ${scores[id]} < ${min}: ${failing.join(", ")}`);
        }
      }
      if (name === "account page" && !landed.includes("/accounts/")) failures.push("account page: not signed in");
    }
  } finally {
    await chrome.kill();
  }
  if (failures.length) {
    console.error(`\n${failures.join("\n")}`);
    process.exitCode = 1;
  }
} finally {
  await stop();
}
