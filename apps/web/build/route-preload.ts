import type { Plugin } from "vite";
import { ChunkGraph } from "./chunk-graph.ts";

/**
 * Writes `index.<name>.html` beside `index.html` for pages that are loaded on demand but are the
 * first screen of many visits (sign-in for everyone without a session, the cabinet and an
 * account page for everyone with one): the same page plus `<link rel="modulepreload">` for those
 * routes' chunks, so the browser fetches them together with the entry instead of after it has
 * run. The server picks the variant (apps/api plugins/web.ts).
 */
export function routePreload(options: { variants: { name: string; routes: string[] }[] }): Plugin {
  return {
    name: "lk-route-preload",
    apply: "build",
    generateBundle: {
      // After Vite has written index.html into the bundle.
      order: "post",
      handler(_, bundle) {
        const html = bundle["index.html"];
        if (html?.type !== "asset") this.error("route preload: index.html is not in the bundle");
        const graph = new ChunkGraph(bundle);
        const loaded = graph.closure(graph.entries);
        for (const { name, routes } of options.variants) {
          const links = [...graph.closure(graph.routeChunks(routes))]
            .filter((file) => !loaded.has(file))
            .map((file) => `    <link rel="modulepreload" crossorigin href="/${file}">\n`)
            .join("");
          this.emitFile({
            type: "asset",
            fileName: `index.${name}.html`,
            source: String(html.source).replace("  </head>", `${links}  </head>`),
          });
        }
      },
    },
  };
}
