import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `.br` and `.gz` beside every text asset of the build, once, at the highest levels; the
 * API serves them to browsers that accept them (@fastify/static `preCompressed`), so nothing is
 * compressed per request. How a page loads: docs/page-load.md.
 */
export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "lk-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_, bundle) {
      const files = [...Object.keys(bundle), "index.html"].filter((file) => /\.(js|css|html|svg|json|txt)$/.test(file));
      await Promise.all(
        [...new Set(files)].map(async (file) => {
          const full = path.join(outDir, file);
          const content = await fs.readFile(full).catch(() => null);
          if (!content || content.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
            gz(content, { level: 9 }),
          ]);
          await Promise.all([fs.writeFile(`${full}.br`, br), fs.writeFile(`${full}.gz`, gzipped)]);
        }),
      );
    },
  };
}
