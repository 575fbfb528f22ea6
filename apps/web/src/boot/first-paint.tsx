import { type ReactNode, Suspense, startTransition, useEffect, useState } from "react";

// What lies below the fold waits for the first paint. How a page loads: docs/page-load.md.

/** How long to wait for the browser to report the first paint before going on without it. */
const FIRST_PAINT_WAIT_MS = 3000;

let painted = false;
let firstPaint: Promise<void> | undefined;

/**
 * Resolves once the browser has put the page's first content on screen. A frame callback alone
 * is not enough: the task it posts runs after the frame is drawn but before it is shown, and
 * requests started there (the lower blocks' code) still count against the first paint. The
 * browser's own paint entry comes once the frame is on screen. Without paint entries (old
 * browsers, jsdom), or if none comes in time, the next frame stands in for it.
 */
function whenFirstPainted(): Promise<void> {
  firstPaint ??= new Promise<void>((resolve) => {
    if (typeof PerformanceObserver === "undefined" || !PerformanceObserver.supportedEntryTypes?.includes("paint")) {
      resolve();
      return;
    }
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName("first-contentful-paint").length > 0) done();
    });
    const timer = setTimeout(() => done(), FIRST_PAINT_WAIT_MS);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe({ type: "paint", buffered: true });
  });
  return firstPaint;
}

/**
 * False until the page has been painted for the first time, then true for good. What waits for
 * it (the account page's blocks below the fold, which load their own code and data) does not
 * hold up the first screen: their requests start only once the customer sees the page.
 */
export function useFirstPaintDone(): boolean {
  const [done, setDone] = useState(painted);
  useEffect(() => {
    if (done) return;
    let cancelled = false;
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void whenFirstPainted().then(() => {
      if (cancelled) return;
      // This screen's own frame too (the first paint may have been a loader before it): a frame
      // callback runs just before the paint, a task it posts just after.
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => {
          painted = true;
          // Interruptible, in slices: the blocks it mounts must not freeze the page just shown.
          startTransition(() => setDone(true));
        }, 0);
      });
    });
    return () => {
      cancelled = true;
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [done]);
  return done;
}

/**
 * A card below the fold (app/account-sections.tsx says which): mounted once the first screen has
 * been painted, so that its code and data do not compete with the first screen's, its place held
 * meanwhile so that the page does not jump.
 */
export function AfterFirstPaint({ title, children }: { title: string; children: ReactNode }) {
  const painted = useFirstPaintDone();
  const placeholder = (
    <section className="card" aria-busy="true">
      <h2 className="card__title">{title}</h2>
      <p className="muted">Загрузка…</p>
    </section>
  );
  return <Suspense fallback={placeholder}>{painted ? children : placeholder}</Suspense>;
}
