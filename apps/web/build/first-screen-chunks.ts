import { resolve } from "node:path";
import type { Rolldown } from "vite";

type Group = NonNullable<Exclude<Rolldown.OutputOptions["codeSplitting"], boolean | undefined>["groups"]>[number];
type Context = Parameters<Extract<Group["name"], (...args: never[]) => unknown>>[1];

/** A first screen by the route modules it is made of, by their source files. */
export interface FirstScreen {
  name: string;
  routes: string[];
}

/**
 * Chunks by first screen instead of by module sharing (issue #8). Left to itself the bundler cuts
 * a chunk for every set of routes that share some modules: the account page's first screen came
 * in 20 files. On a phone over HTTP/1.1 (6 connections) each file costs a round trip, and the
 * page appeared about 400 ms later than its bytes alone would take. Here:
 * - everything the entry loads statically is one chunk, `app`;
 * - what a first screen's routes load statically besides is one chunk named after the screen,
 *   or after both screens (`first-screens`) when the other first screen needs it too;
 * - everything else (the other pages, dialogs, the chart) is split as the bundler splits it; what
 *   of it needs a screen's modules loads that screen's chunk (the autopayment card's form takes
 *   its fields from `sign-in`), a few KB more than the pieces it would otherwise fetch.
 * How a page loads: docs/page-load.md.
 */
export function firstScreenChunks(options: { root: string; entry: string; screens: FirstScreen[] }): Group {
  let owners: Map<string, string> | undefined;
  const closure = (ctx: Context, sources: string[]): Set<string> => {
    const seen = new Set<string>();
    const queue = sources.map((source) => resolve(options.root, `.${source}`));
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
    }
    return seen;
  };
  const ownersOf = (ctx: Context): Map<string, string> => {
    const result = new Map<string, string>();
    for (const id of closure(ctx, [options.entry])) result.set(id, "app");
    const reachedBy = new Map<string, string[]>();
    for (const screen of options.screens) {
      for (const id of closure(ctx, screen.routes)) {
        if (!result.has(id)) reachedBy.set(id, [...(reachedBy.get(id) ?? []), screen.name]);
      }
    }
    for (const [id, screens] of reachedBy) result.set(id, screens.length > 1 ? "first-screens" : (screens[0] ?? ""));
    return result;
  };
  return {
    name: (id, ctx) => {
      owners ??= ownersOf(ctx);
      // Styles are Vite's own business (one stylesheet for the whole app).
      return id.endsWith(".css") ? null : (owners.get(id) ?? null);
    },
  };
}
