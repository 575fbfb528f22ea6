import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";
import { ChunkGraph } from "./chunk-graph.ts";

/** A first screen and the route modules it needs, by their source files. */
export interface Screen {
  name: string;
  /** Route modules loaded on demand for this screen (the entry is always counted). */
  routes: string[];
  /** Scripts of its own the page runs beside the app (route-preload.ts), by their source files. */
  scripts?: string[];
  /** KB of gzip JavaScript this screen may load before it is usable. */
  budgetKb: number;
}

/**
 * Fails the build when a first screen's JavaScript (gzip) is over the budget: the entry chunk,
 * the screen's route chunks, its early scripts and every chunk they import statically. Chunks
 * loaded on demand (the chart, other pages) do not count, nor another screen's early script.
 * How a page loads: docs/page-load.md.
 */
export function bundleBudget(options: { screens: Screen[] }): Plugin {
  return {
    name: "lk-bundle-budget",
    apply: "build",
    generateBundle(_, bundle) {
      const graph = new ChunkGraph(bundle);
      // The early scripts are entries of their own, loaded only by the page that names them.
      const scripts = options.screens.flatMap((screen) => screen.scripts ?? []);
      const app = graph.entries.filter((chunk) => !scripts.some((source) => chunk.facadeModuleId?.endsWith(source)));
      const gzip = new Map(graph.chunks.map((chunk) => [chunk.fileName, gzipSync(chunk.code, { level: 9 }).length]));
      const lines: string[] = [];
      const over: string[] = [];
      for (const screen of options.screens) {
        const files = graph.closure([...app, ...graph.routeChunks([...screen.routes, ...(screen.scripts ?? [])])]);
        const kb = [...files].reduce((sum, file) => sum + (gzip.get(file) ?? 0), 0) / 1024;
        lines.push(
          `  ${screen.name.padEnd(16)} ${kb.toFixed(1).padStart(6)} KB gzip in ${files.size} chunks (budget ${screen.budgetKb} KB)`,
        );
        if (kb > screen.budgetKb) over.push(`${screen.name}: ${kb.toFixed(1)} KB, budget ${screen.budgetKb} KB`);
      }
      console.log(`\nfirst-screen JavaScript:\n${lines.join("\n")}`);
      if (over.length) this.error(`first-screen JavaScript over its gzip budget: ${over.join("; ")}`);
    },
  };
}
