import { act, render, renderHook, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** A stand-in for the browser's paint timing: `paint()` reports the first contentful paint. */
function fakePaintTiming() {
  const observers = new Set<(entries: { getEntriesByName: (name: string) => unknown[] }) => void>();
  class FakeObserver {
    static supportedEntryTypes = ["paint"];
    constructor(private readonly callback: (entries: { getEntriesByName: (name: string) => unknown[] }) => void) {}
    observe() {
      observers.add(this.callback);
    }
    disconnect() {
      observers.delete(this.callback);
    }
  }
  vi.stubGlobal("PerformanceObserver", FakeObserver);
  return {
    paint: () => {
      for (const callback of observers)
        callback({ getEntriesByName: (name) => (name === "first-contentful-paint" ? [{}] : []) });
    },
  };
}

// The hook remembers the first paint for the page's life: a fresh module for every test.
const loadHook = async () => (await import("./first-paint.tsx")).useFirstPaintDone;
const loadCard = async () => (await import("./first-paint.tsx")).AfterFirstPaint;

describe("useFirstPaintDone", () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame"] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("waits for the browser's first contentful paint, then a frame", async () => {
    const timing = fakePaintTiming();
    const useFirstPaintDone = await loadHook();
    const { result } = renderHook(() => useFirstPaintDone());
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(result.current).toBe(false);

    timing.paint();
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(result.current).toBe(true);
  });

  it("goes on without the paint entry if none comes in 3 seconds (a tab opened in the background)", async () => {
    fakePaintTiming();
    const useFirstPaintDone = await loadHook();
    const { result } = renderHook(() => useFirstPaintDone());
    await act(() => vi.advanceTimersByTimeAsync(2900));
    expect(result.current).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(result.current).toBe(true);
  });

  it("without paint timing, waits for the next frame only; once painted, later screens start at once", async () => {
    vi.stubGlobal("PerformanceObserver", undefined);
    const useFirstPaintDone = await loadHook();
    const first = renderHook(() => useFirstPaintDone());
    expect(first.result.current).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(first.result.current).toBe(true);

    const later = renderHook(() => useFirstPaintDone());
    expect(later.result.current).toBe(true);
  });

  it("holds a card's place under its title until the first paint, then mounts it", async () => {
    const timing = fakePaintTiming();
    const AfterFirstPaint = await loadCard();
    render(
      <AfterFirstPaint title="История">
        <p>Счета за год</p>
      </AfterFirstPaint>,
    );
    expect(screen.getByRole("heading", { name: "История" })).toBeInTheDocument();
    expect(screen.queryByText("Счета за год")).not.toBeInTheDocument();

    timing.paint();
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.getByText("Счета за год")).toBeInTheDocument();
  });
});
