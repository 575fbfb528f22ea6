import type { Plugin } from "vite";
import { ChunkGraph } from "./chunk-graph.ts";

/**
 * Writes `index.<name>.html` beside `index.html` for pages that are loaded on demand but are the
 * first screen of many visits (sign-in for everyone without a session, the cabinet and an
 * account page for everyone with one): the same page plus `<link rel="modulepreload">` for those
 * routes' chunks, so the browser fetches them together with the entry instead of after it has
 * run. The server picks the variant (apps/api/src/plugins/web.ts). How a page loads:
 * docs/page-load.md.
 */
export interface PageVariant {
  name: string;
  /** Route modules to preload, by their source files. */
  routes: string[];
  /**
   * Scripts of their own that this page runs before the app, by their source files: each is
   * built as a separate entry and loaded with `<script type="module" async>`, so it runs as soon
   * as it arrives (boot/early-session.ts starts the session's first requests).
   */
  scripts?: string[];
}

export function routePreload(options: { variants: PageVariant[] }): Plugin {
  const emitted = new Map<string, string>();
  return {
    name: "lk-route-preload",
    apply: "build",
    buildStart() {
      for (const source of new Set(options.variants.flatMap((v) => v.scripts ?? []))) {
        emitted.set(source, this.emitFile({ type: "chunk", id: source }));
      }
    },
    generateBundle: {
      // After Vite has written index.html into the bundle.
      order: "post",
      handler(_, bundle) {
        const html = bundle["index.html"];
        if (html?.type !== "asset") this.error("route preload: index.html is not in the bundle");
        const graph = new ChunkGraph(bundle);
        const loaded = graph.closure(graph.entries);
        for (const { name, routes, scripts = [] } of options.variants) {
          const early = scripts
            .map((source) => this.getFileName(emitted.get(source) ?? ""))
            .map((file) => `    <script type="module" async crossorigin src="/${file}"></script>\n`)
            .join("");
          const links = [...graph.closure(graph.routeChunks(routes))]
            .filter((file) => !loaded.has(file))
            .map((file) => `    <link rel="modulepreload" crossorigin href="/${file}">\n`)
            .join("");
          // The early scripts first of all, so that the browser asks for them first.
          let source = String(html.source);
          const inserts: [marker: string, added: string][] = [
            ["</title>\n", `</title>\n${early}`],
            ["  </head>", `${links}  </head>`],
          ];
          for (const [marker, added] of inserts) {
            // A page without the marker would quietly lose its preloads.
            if (!source.includes(marker)) this.error(`route preload: index.html has no ${JSON.stringify(marker)}`);
            source = source.replace(marker, added);
          }
          this.emitFile({ type: "asset", fileName: `index.${name}.html`, source });
        }
      },
    },
  };
}
