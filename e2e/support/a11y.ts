import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Result = AxeResults["violations"][number];

/** WCAG 2.0 and 2.1, levels A and AA: the level the product specification asks for. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Found {
  url: string;
  violation: Result;
}

// The axe-core that @axe-core/playwright ships, minified. The builder sends its full source (1.5 MB)
// to the page on every run, twice in legacy mode; evaluating it blocks the page for seconds on the
// journeys' two cores. A single-page app keeps one document across its routes: once is enough.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"));
const AXE_SOURCE = `${readFileSync(fromBuilder.resolve("axe-core/axe.min.js"), "utf8")}\n;void 0;`;

/**
 * axe on the page as it is now. Legacy mode runs axe inside the page itself: the default mode
 * opens a blank page in the context to merge frame results, which a check running beside a
 * journey must not do (the journeys have no frames to merge).
 */
async function analyze(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(AXE_SOURCE);
  // `options` replaces the whole options object, `withTags` then adds its `runOnly`: this order.
  return new AxeBuilder({ page, axeSource: ";" })
    .options({ resultTypes: ["violations"] })
    .withTags(WCAG_TAGS)
    .setLegacyMode(true)
    .analyze();
}

/**
 * Waits until the page has stopped changing: no spinner or `aria-busy` region, and the DOM quiet
 * for a moment (the data of a new route arrives after its navigation). Gives up after `limit` ms
 * (a payment «В обработке» keeps polling) and checks the page as it is then.
 */
async function settle(page: Page, limit = 5_000): Promise<void> {
  await page.waitForLoadState("load");
  await page.evaluate(
    ({ limit, quiet }) =>
      new Promise<void>((resolve) => {
        const started = Date.now();
        let last = Date.now();
        const observer = new MutationObserver(() => {
          last = Date.now();
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        // Before the router's first render #root is empty: a route's code is still loading.
        const busy = () =>
          document.querySelector('.spinner, [aria-busy="true"]') !== null ||
          document.querySelector("#root > *") === null;
        const tick = () => {
          const now = Date.now();
          if (now - started >= limit || (!busy() && now - last >= quiet)) {
            observer.disconnect();
            resolve();
          } else setTimeout(tick, 50);
        };
        tick();
      }),
    { limit, quiet: 300 },
  );
}

/** «/accounts/42?tab=bills» of a page's address, for the report. */
const where = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

// Elements listed per rule: a whole table failing the same way says it in the first few.
const SHOWN = 8;

/** One line per rule: its id, impact and help, the address and the elements' selectors. */
export function describeViolations(found: Found[]): string {
  const byRule = new Map<string, Found[]>();
  for (const item of found) byRule.set(item.violation.id, [...(byRule.get(item.violation.id) ?? []), item]);
  const lines = [`Accessibility (axe, WCAG 2.1 A/AA): ${byRule.size} rule(s) violated`];
  for (const [id, items] of byRule) {
    const { impact, help, helpUrl } = items[0]?.violation ?? {};
    lines.push(`\n• ${id} [${impact}] ${help}\n  ${helpUrl}`);
    const seen = new Set<string>();
    for (const { url, violation } of items) {
      for (const node of violation.nodes) {
        const target = node.target.map(String).join(" >>> ");
        if (seen.has(target)) continue;
        seen.add(target);
        if (seen.size > SHOWN) continue;
        const why = (node.failureSummary ?? "").split("\n").slice(1, 3).join(" ").trim();
        lines.push(`  on ${where(url)}: ${target}${why ? `\n    ${why}` : ""}`);
      }
    }
    if (seen.size > SHOWN) lines.push(`  … and ${seen.size - SHOWN} more element(s)`);
  }
  return lines.join("\n");
}

// A page that navigates or closes while axe is looking at it: the check of its next state (or
// none, once closed) takes over, so these errors are not failures.
const GONE = /Execution context was destroyed|Target (page, context or browser )?(has been )?closed|navigat|detached/i;

/**
 * Follows the pages of one test: after each navigation (react-router's pushState included) it
 * checks the page once it has settled, once per address; `finish` checks each open page's final
 * state too and tells what was found.
 */
export class A11yWatcher {
  private readonly found: Found[] = [];
  private readonly errors: string[] = [];
  private readonly queues = new Map<Page, Promise<void>>();
  private readonly checked = new Set<string>();
  private readonly waiting = new Set<Page>();
  // Main-frame navigations per page: an error of a check during which the page moved on is no failure.
  private readonly moves = new Map<Page, number>();

  watch(page: Page): void {
    if (this.queues.has(page)) return;
    this.queues.set(page, Promise.resolve());
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      this.moves.set(page, (this.moves.get(page) ?? 0) + 1);
      if (frame.url().startsWith("http")) this.schedule(page);
    });
    if (page.url().startsWith("http")) this.schedule(page);
  }

  /** Runs `work` after the page's earlier checks: axe refuses to run twice at once in a page. */
  private enqueue(page: Page, work: () => Promise<void>): Promise<void> {
    const next = (this.queues.get(page) ?? Promise.resolve()).then(work);
    // The queue goes on after a failed check; the failure reaches whoever awaits `next`.
    const settled = next.catch(() => undefined);
    this.queues.set(page, settled);
    return next;
  }

  private schedule(page: Page): void {
    // Several navigations in a row (a redirect, a replace) need one check, of where it ends up.
    if (this.waiting.has(page)) return;
    this.waiting.add(page);
    void this.enqueue(page, async () => {
      const moves = this.moves.get(page);
      try {
        await settle(page);
        this.waiting.delete(page);
        const url = page.url();
        if (this.checked.has(url)) return;
        this.checked.add(url);
        this.record(url, await analyze(page));
      } catch (error) {
        // A load during `settle` replaced the document before its own navigation could be queued.
        const replaced = this.waiting.delete(page);
        if (this.fail(page, error, moves) && replaced && !page.isClosed()) this.schedule(page);
      }
    });
  }

  private record(url: string, results: AxeResults) {
    for (const violation of results.violations) this.found.push({ url, violation });
  }

  /** Records an error of axe; false when the page had only moved on or closed. */
  private fail(page: Page, error: unknown, moves = this.moves.get(page)): boolean {
    const message = error instanceof Error ? error.message : String(error);
    if (page.isClosed() || this.moves.get(page) !== moves || GONE.test(message)) return true;
    this.errors.push(`axe could not check ${where(page.url())}: ${message}`);
    return false;
  }

  /** A check now, in the journey's own time (a dialog open, an error shown). */
  async checkNow(page: Page): Promise<Found[]> {
    let found: Found[] = [];
    await this.enqueue(page, async () => {
      const url = page.url();
      found = (await analyze(page)).violations.map((violation) => ({ url, violation }));
    });
    return found;
  }

  /** After the journey: the last state of each open page, then everything found on the way. */
  async finish(): Promise<string | null> {
    for (const page of this.queues.keys()) {
      if (page.isClosed()) continue;
      await this.enqueue(page, async () => {
        const moves = this.moves.get(page);
        try {
          await settle(page);
          this.record(page.url(), await analyze(page));
        } catch (error) {
          this.fail(page, error, moves);
        }
      });
    }
    await Promise.all(this.queues.values());
    const problems = [...(this.found.length > 0 ? [describeViolations(this.found)] : []), ...this.errors];
    return problems.length > 0 ? problems.join("\n\n") : null;
  }
}
