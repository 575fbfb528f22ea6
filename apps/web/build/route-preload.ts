import type { Plugin } from "vite";
import { ChunkGraph } from "./chunk-graph.ts";

/**
 * Writes `index.<name>.html` beside `index.html` for a page that is loaded on demand but is the
 * first screen of many visits (sign-in, for everyone without a session): the same page plus
 * `<link rel="modulepreload">` for that route's chunks, so the browser fetches them together with
 * the entry instead of after it has run. The server picks the variant (apps/api plugins/web.ts).
 */
export function routePreload(options: { variants: { name: string; route: string }[] }): Plugin {
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
        for (const { name, route } of options.variants) {
          const chunk = graph.chunkOf(route);
          if (!chunk) this.error(`route preload: no chunk for ${route}`);
          const links = [...graph.closure([chunk])]
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
