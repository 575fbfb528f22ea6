import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { web } from "./web.ts";

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lk-web-"));
  fs.mkdirSync(path.join(dir, "assets"));
  const page = (preload: string) => `<html><link rel="modulepreload" href="/assets/${preload}.js"></html>`;
  fs.writeFileSync(path.join(dir, "index.html"), "<html>plain</html>");
  fs.writeFileSync(path.join(dir, "index.signed-out.html"), page("sign-in"));
  fs.writeFileSync(path.join(dir, "index.signed-in.html"), page("cabinet"));
  fs.writeFileSync(path.join(dir, "assets", "entry-abc.js"), "export {}");
  app = Fastify();
  await app.register(cookie);
  await app.register(web, { root: dir });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the SPA", () => {
  it("gives a visitor without a session the page that preloads the sign-in screen, at any address", async () => {
    for (const url of ["/", "/sign-in", "/accounts/42?x=1"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("/assets/sign-in.js");
      expect(res.headers["cache-control"]).toBe("no-cache");
      // Caches keep the two pages apart.
      expect(res.headers.vary).toMatch(/cookie/i);
    }
  });

  it("gives a signed-in customer (the session hint) the page that preloads the cabinet", async () => {
    const res = await app.inject({ method: "GET", url: "/accounts/42", cookies: { lk_session: "1" } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("/assets/cabinet.js");
    expect(res.body).not.toContain("/assets/sign-in.js");
  });

  it("serves the plain page from a build without the variants", async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), "lk-web-plain-"));
    fs.writeFileSync(path.join(plain, "index.html"), "<html>plain</html>");
    const other = Fastify();
    await other.register(cookie);
    await other.register(web, { root: plain });
    try {
      for (const cookies of [{}, { lk_session: "1" }] as Record<string, string>[]) {
        expect((await other.inject({ method: "GET", url: "/sign-in", cookies })).body).toBe("<html>plain</html>");
      }
    } finally {
      await other.close();
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });

  it("serves fingerprinted assets for good and answers a missing file or API address with 404", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/entry-abc.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    expect((await app.inject({ method: "GET", url: "/assets/missing.js" })).statusCode).toBe(404);
    const api = await app.inject({ method: "GET", url: "/api/nothing" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("NOT_FOUND");
  });
});
