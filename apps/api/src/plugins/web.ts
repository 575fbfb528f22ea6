import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { errorBody, SESSION_HINT_COOKIE } from "@lk/contract";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * The page with preloads of what the visitor will see first (written by the web build,
 * route-preload.ts): without a session the sign-in screen, whatever the address; with one the
 * cabinet and an account page. A build without them has index.html only.
 */
const PAGE_SIGNED_OUT = "index.signed-out.html";
const PAGE_SIGNED_IN = "index.signed-in.html";

/**
 * Serves the built SPA; any unknown GET outside /api gets the page (client-side routing). The
 * first step of a page load: docs/page-load.md.
 */
export const web = fp<{ root: string }>(async (app: FastifyInstance, { root }) => {
  const dir = path.resolve(root);
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    throw new Error(`WEB_DIST=${dir} has no index.html: run \`pnpm build\` first`);
  }
  const page = (file: string) => (fs.existsSync(path.join(dir, file)) ? file : "index.html");
  const signedOut = page(PAGE_SIGNED_OUT);
  const signedIn = page(PAGE_SIGNED_IN);
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset: sent to browsers that accept them.
    preCompressed: true,
    setHeaders(res, filePath) {
      // Vite fingerprints assets: cache them for good; everything else must be revalidated.
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split("?")[0] ?? "/";
    if (url.startsWith("/api/") || url === "/api") {
      return reply.status(404).send(errorBody("NOT_FOUND", `Адрес GET ${url} не найден.`));
    }
    // Files that exist have their own routes (wildcard: false); a missing file is a 404, not the app.
    if (path.extname(url)) return reply.status(404).send(errorBody("NOT_FOUND"));
    reply.header("cache-control", "no-cache");
    reply.header("vary", "cookie");
    return reply.sendFile(request.cookies[SESSION_HINT_COOKIE] ? signedIn : signedOut);
  });
});
