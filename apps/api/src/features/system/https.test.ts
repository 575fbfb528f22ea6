import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

// A throwaway self-signed certificate, made by Debian's openssl for this test only.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lk-tls-"));
const cert = path.join(dir, "cert.pem");
const key = path.join(dir, "key.pem");
execFileSync(
  "openssl",
  [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=127.0.0.1",
    "-keyout",
    key,
    "-out",
    cert,
  ],
  {
    stdio: "ignore",
  },
);

let t: TestApp;
let port = 0;
beforeAll(async () => {
  t = await createTestApp({ env: { TLS_CERT: cert, TLS_KEY: key }, readFile: (p) => fs.readFileSync(p, "utf8") });
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const address = t.app.server.address();
  port = typeof address === "object" && address ? address.port : 0;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function request(method: string, url: string, body?: object) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        port,
        path: url,
        method,
        rejectUnauthorized: false,
        headers: { "content-type": "application/json" },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe("HTTPS when TLS_CERT and TLS_KEY are given", () => {
  it("serves over TLS and sends HSTS", async () => {
    const res = await request("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
  });

  it("marks the refresh cookie Secure", async () => {
    const res = await request("POST", "/api/auth/register", {
      email: "tls@example.ru",
      fullName: "Защищённый Клиент",
      password: "Secret-123",
    });
    expect(res.status).toBe(201);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/lk_refresh=.+; .*Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });
});
