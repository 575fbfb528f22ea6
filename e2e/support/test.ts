import { test as base, expect, type Page } from "@playwright/test";
import { A11yWatcher, describeViolations } from "./a11y.ts";
import { OPEN_DAY } from "./dates.ts";

// The watcher of the test running in this worker (a worker runs one test at a time).
let current: A11yWatcher | null = null;

/**
 * The journeys' `test`: in the mock project the mock API's date is set before the app starts
 * (the real app's clock is set by its server), so both worlds agree on the day. Every page a
 * journey opens is checked with axe (WCAG 2.1 A/AA) at each address and at the end; any violation
 * fails the test. So does anything the page does that its Content Security Policy refuses (the
 * real app sends one): the browser reports it in a `securitypolicyviolation` event.
 */
export const test = base.extend<{ mockDate: string; a11y: A11yWatcher; csp: undefined }>({
  mockDate: [OPEN_DAY, { option: true }],
  page: async ({ page, mockDate }, use, info) => {
    if (info.project.name === "mock") {
      // Only on the first load: a journey may move the date itself (e.g. to the next month).
      await page.addInitScript((date) => {
        if (!window.localStorage.getItem("lk-mock-date")) window.localStorage.setItem("lk-mock-date", date);
      }, mockDate);
    }
    await use(page);
  },
  a11y: [
    async ({ page, context }, use, info) => {
      const watcher = new A11yWatcher();
      current = watcher;
      watcher.watch(page);
      // A second tab (the outbox beside the cabinet) is a page of the journey too.
      const onPage = (opened: Page) => watcher.watch(opened);
      context.on("page", onPage);
      try {
        await use(watcher);
      } finally {
        context.off("page", onPage);
        current = null;
      }
      // A failed journey has told its story already, and a skipped one showed nothing: no checks.
      if (info.status !== info.expectedStatus || info.status === "skipped") return;
      const problems = await watcher.finish();
      if (problems) throw new Error(problems);
    },
    { auto: true },
  ],
  csp: [
    async ({ context }, use, info) => {
      const violations: string[] = [];
      await context.exposeBinding("__reportCspViolation", ({ page }, text: string) => {
        violations.push(`${page.url()}: ${text}`);
      });
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
          report(`${event.violatedDirective} refused ${event.blockedURI || "(inline)"}`);
        });
      });
      await use(undefined);
      if (info.status !== info.expectedStatus) return;
      if (violations.length) throw new Error(`Content Security Policy violations:\n${violations.join("\n")}`);
    },
    { auto: true },
  ],
});

/**
 * Checks a page of another browser context (the operator's, beside the customer) the same way as
 * the test's own pages.
 */
export function watchA11y(page: Page): void {
  current?.watch(page);
}

/**
 * axe on the page as it is now: for states that keep the address (an open dialog, a form showing
 * its errors), which the navigation checks do not see.
 */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  await test.step(
    "no accessibility violations (axe)",
    async () => {
      const found = await (current ?? new A11yWatcher()).checkNow(page);
      if (found.length > 0) throw new Error(describeViolations(found));
    },
    { box: true },
  );
}

export { expect };
