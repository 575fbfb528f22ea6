import { ErrorBody } from "@lk/contract";
import { RESET_TTL_MS, RESETS_PER_HOUR } from "@lk/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import {
  createTestApp,
  lastMessageTo,
  refreshCookieFrom,
  registerCustomer,
  type TestApp,
} from "../../test/test-app.ts";

const clock = fixedClock(new Date("2026-11-20T12:00:00+03:00"));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const ask = (email: string) => t.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email } });
const confirm = (token: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/password-reset/confirm", payload: { token, password } });
const signIn = (login: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { login, password } });
const tokenIn = (text: string | undefined) => text?.match(/\/reset-password\?token=([\w-]+)/)?.[1] as string;

describe("«Забыли пароль?»", () => {
  it("answers the same for an unknown address, whose letter says there is no account and holds no link", async () => {
    const res = await ask("nobody@example.ru");
    expect(res.statusCode).toBe(204);
    const mail = await lastMessageTo(t, "nobody@example.ru");
    expect(mail).toMatchObject({ kind: "PASSWORD_RESET_NO_ACCOUNT", channel: "EMAIL" });
    expect(mail?.text).toContain("учётной записи с ним нет");
    expect(mail?.text).toContain("https://lk.example.ru/register");
    expect(mail?.text).not.toContain("reset-password");
    // The token written for it (the same work as for a real address) opens nothing.
    expect(await t.db.passwordResetToken.count({ where: { email: "nobody@example.ru" } })).toBe(1);
  });

  it("mails a single-use link at PUBLIC_URL; the new password works and every session ends", async () => {
    const c = await registerCustomer(t.app);
    const session = await signIn(c.email, "Secret-123");
    expect((await ask(c.email.toUpperCase())).statusCode).toBe(204);
    const mail = await lastMessageTo(t, c.email);
    expect(mail).toMatchObject({ kind: "PASSWORD_RESET", channel: "EMAIL" });
    expect(mail?.text).toContain("https://lk.example.ru/reset-password?token=");
    const token = tokenIn(mail?.text);
    // Only a hash is stored.
    expect(JSON.stringify(await t.db.passwordResetToken.findMany({ where: { email: c.email } }))).not.toContain(token);

    expect((await confirm(token, "Brand-new-2")).statusCode).toBe(204);
    expect((await signIn(c.email, "Secret-123")).statusCode).toBe(401);
    expect((await signIn(c.email, "Brand-new-2")).statusCode).toBe(200);
    const refresh = await t.app.inject({
      method: "POST",
      url: "/api/auth/refresh",
      cookies: { lk_refresh: refreshCookieFrom(session) as string },
    });
    expect(refresh.statusCode).toBe(401);
    const reused = await confirm(token, "Another-one-3");
    expect(reused.statusCode).toBe(410);
    expect(ErrorBody.parse(reused.json()).error.code).toBe("RESET_TOKEN_INVALID");
  });

  it("a link expires after an hour", async () => {
    const c = await registerCustomer(t.app);
    await ask(c.email);
    const token = tokenIn((await lastMessageTo(t, c.email))?.text);
    clock.advance(RESET_TTL_MS + 1);
    expect((await confirm(token, "Brand-new-2")).statusCode).toBe(410);
    expect((await signIn(c.email, "Secret-123")).statusCode).toBe(200);
  });

  it(`sends at most ${RESETS_PER_HOUR} links an hour to one address, answering the same`, async () => {
    const c = await registerCustomer(t.app);
    for (let i = 0; i < RESETS_PER_HOUR + 3; i++) expect((await ask(c.email)).statusCode).toBe(204);
    expect(await t.db.outboxMessage.count({ where: { to: c.email, kind: "PASSWORD_RESET" } })).toBe(RESETS_PER_HOUR);
  });

  it("a made-up token is refused and changes nothing", async () => {
    const res = await confirm("A".repeat(43), "Brand-new-2");
    expect(res.statusCode).toBe(410);
    const malformed = await confirm("../../etc", "Brand-new-2");
    expect(malformed.statusCode).toBe(400);
  });
});
