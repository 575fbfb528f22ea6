import { AuthSession, BillDelivery, buildPath, ContactCodeSent, ErrorBody, Profile, routes } from "@lk/contract";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mockClock } from "../mock-clock.ts";
import { mockDb } from "../mock-db.ts";
import { mockWorld } from "../mock-world.ts";
import { setUpMockApiServer } from "./mock-api-server.ts";

setUpMockApiServer();

const url = (path: string) => new URL(path, window.location.origin);
const send = (method: string, path: string, body?: unknown, token?: string) =>
  fetch(url(path), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;

async function signIn(login: string = DEMO_CUSTOMER.email, password: string = DEMO_CUSTOMER.password) {
  const res = await send("POST", routes.auth.signIn.path, { login, password });
  return AuthSession.parse(await res.json()).accessToken;
}
async function register(email: string, phone?: string) {
  const res = await send("POST", routes.auth.register.path, {
    email,
    phone,
    fullName: "Смирнова Анна",
    password: "Pass-word-1",
  });
  return AuthSession.parse(await res.json()).accessToken;
}

/** The code of the newest message to `to`, as a customer reads it at /dev/outbox. */
async function codeSentTo(to: string) {
  const res = await send("GET", `${routes.outbox.list.path}?to=${encodeURIComponent(to)}`);
  const { messages } = z.object({ messages: z.array(z.object({ text: z.string() })) }).parse(await res.json());
  return /\b(\d{6})\b/.exec(messages[0]?.text ?? "")?.[1] ?? "";
}

const later = (seconds: number) => {
  const at = mockClock.now().getTime() + seconds * 1000;
  mockClock.now = () => new Date(at);
};

describe("mock API: profile", () => {
  it("changes the phone with an SMS code; the new phone signs in", async () => {
    const token = await signIn();
    const sent = await send(
      "POST",
      routes.profile.sendContactCode.path,
      { kind: "PHONE", value: "8 916 000-11-22" },
      token,
    );
    expect(sent.status).toBe(201);
    expect(ContactCodeSent.parse(await sent.json())).toMatchObject({ value: "+79160001122", resendAfterSeconds: 60 });
    const again = await send(
      "POST",
      routes.profile.sendContactCode.path,
      { kind: "PHONE", value: "+79160001122" },
      token,
    );
    expect(await errorOf(again)).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds: 60 } });

    const code = await codeSentTo("+79160001122");
    const confirmed = await send("POST", routes.profile.confirmContact.path, { kind: "PHONE", code }, token);
    expect(Profile.parse(await confirmed.json()).phone).toBe("+79160001122");
    expect(await signIn("+7 916 000 11 22")).toBeTruthy();
  });

  it("counts wrong codes: 5 tries, then a new code is needed; a code lasts 10 minutes", async () => {
    const token = await signIn();
    await send("POST", routes.profile.sendContactCode.path, { kind: "PHONE", value: "+79160001133" }, token);
    const right = await codeSentTo("+79160001133");
    const wrong = right === "000000" ? "111111" : "000000";
    const answers: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await send("POST", routes.profile.confirmContact.path, { kind: "PHONE", code: wrong }, token);
      const error = await errorOf(res);
      answers.push(error.details?.attemptsLeft ?? error.code);
    }
    // As the API: the fifth wrong code closes it.
    expect(answers).toEqual([4, 3, 2, 1, "CODE_EXPIRED"]);
    const worn = await send("POST", routes.profile.confirmContact.path, { kind: "PHONE", code: right }, token);
    expect((await errorOf(worn)).code).toBe("CODE_EXPIRED");

    later(61);
    await send("POST", routes.profile.sendContactCode.path, { kind: "PHONE", value: "+79160001133" }, token);
    later(10 * 60 + 1);
    const code = await codeSentTo("+79160001133");
    const stale = await send("POST", routes.profile.confirmContact.path, { kind: "PHONE", code }, token);
    expect((await errorOf(stale)).code).toBe("CODE_EXPIRED");
  });

  it("refuses another customer's e-mail, and keeps the old one until the new one is confirmed", async () => {
    const token = await register("anna@example.ru");
    const taken = await send(
      "POST",
      routes.profile.sendContactCode.path,
      { kind: "EMAIL", value: "demo@lk.test" },
      token,
    );
    expect(await errorOf(taken)).toMatchObject({ code: "EMAIL_TAKEN", details: { fields: [{ path: "value" }] } });

    await send("POST", routes.profile.sendContactCode.path, { kind: "EMAIL", value: "Anna.New@Example.ru" }, token);
    const again = await send(
      "POST",
      routes.profile.sendContactCode.path,
      { kind: "PHONE", value: "+79160001144" },
      token,
    );
    expect(again.status).toBe(201); // the minute is per kind
    const before = Profile.parse(await (await send("GET", routes.profile.get.path, undefined, token)).json());
    expect(before).toMatchObject({ email: "anna@example.ru", emailConfirmed: false });
    const code = await codeSentTo("anna.new@example.ru");
    const after = await send("POST", routes.profile.confirmContact.path, { kind: "EMAIL", code }, token);
    expect(Profile.parse(await after.json())).toMatchObject({ email: "anna.new@example.ru", emailConfirmed: true });
  });

  it("changes the password with the current one and ends the other sessions", async () => {
    const other = await signIn();
    const token = await signIn();
    const wrong = await send(
      "POST",
      routes.profile.changePassword.path,
      { currentPassword: "nope-1234", newPassword: "New-pass-2026" },
      token,
    );
    expect(await errorOf(wrong)).toMatchObject({
      code: "WRONG_PASSWORD",
      details: { fields: [{ path: "currentPassword" }] },
    });
    const changed = await send(
      "POST",
      routes.profile.changePassword.path,
      { currentPassword: DEMO_CUSTOMER.password, newPassword: "New-pass-2026" },
      token,
    );
    expect(changed.status).toBe(204);
    expect((await send("GET", routes.profile.get.path, undefined, token)).status).toBe(200);
    expect((await send("GET", routes.profile.get.path, undefined, other)).status).toBe(401);
    expect(await signIn(DEMO_CUSTOMER.email, "New-pass-2026")).toBeTruthy();
  });

  it("resets a password by a single-use link from the mail, saying nothing about unknown addresses", async () => {
    const unknown = await send("POST", routes.auth.passwordReset.path, { email: "nobody@example.ru" });
    expect(unknown.status).toBe(204);
    expect(mockDb.state.outbox).toEqual([]);
    expect((await send("POST", routes.auth.passwordReset.path, { email: DEMO_CUSTOMER.email })).status).toBe(204);
    const res = await send("GET", `${routes.outbox.list.path}?to=${DEMO_CUSTOMER.email}`);
    const text = z.object({ messages: z.array(z.object({ text: z.string() })) }).parse(await res.json())
      .messages[0]?.text;
    const token = /\/reset-password\?token=([A-Za-z0-9_-]{32})\b/.exec(text ?? "")?.[1] ?? "";
    expect(token).toHaveLength(32);
    const body = { token, password: "Reset-pass-2026" };
    expect((await send("POST", routes.auth.passwordResetConfirm.path, body)).status).toBe(204);
    expect((await errorOf(await send("POST", routes.auth.passwordResetConfirm.path, body))).code).toBe(
      "RESET_TOKEN_INVALID",
    );
    expect(await signIn(DEMO_CUSTOMER.email, "Reset-pass-2026")).toBeTruthy();
  });

  it("mails at most three reset links an hour, and a used link confirms the address", async () => {
    await register("anna@example.ru");
    for (let i = 0; i < 4; i++) {
      expect((await send("POST", routes.auth.passwordReset.path, { email: "anna@example.ru" })).status).toBe(204);
    }
    expect(mockDb.state.outbox.filter((m) => m.kind === "PASSWORD_RESET")).toHaveLength(3);
    const token = mockDb.state.passwordResets.at(-1)?.token ?? "";
    await send("POST", routes.auth.passwordResetConfirm.path, { token, password: "Reset-pass-2026" });
    expect(mockDb.state.users.find((u) => u.email === "anna@example.ru")?.emailConfirmed).toBe(true);
    // The earlier links of the same customer are spent too.
    const earlier = mockDb.state.passwordResets[0]?.token ?? "";
    const res = await send("POST", routes.auth.passwordResetConfirm.path, {
      token: earlier,
      password: "Reset-pass-2027",
    });
    expect((await errorOf(res)).code).toBe("RESET_TOKEN_INVALID");
  });
});

describe("mock API: «Получение счёта по e-mail»", () => {
  const accountId = () => mockWorld().bundles[0]?.account.id ?? "";
  const setPath = () => buildPath(routes.profile.setBillDelivery.path, { accountId: accountId() });

  it("sends bills to the confirmed e-mail, for every customer linked to the account", async () => {
    const token = await signIn();
    const res = await send("PUT", setPath(), { method: "EMAIL" }, token);
    expect(BillDelivery.parse(await res.json())).toMatchObject({ method: "EMAIL", email: DEMO_CUSTOMER.email });
    const list = await send("GET", routes.profile.billDelivery.path, undefined, token);
    expect(z.object({ accounts: z.array(BillDelivery) }).parse(await list.json()).accounts).toEqual([
      expect.objectContaining({ accountId: accountId(), method: "EMAIL" }),
    ]);
    expect(mockDb.state.billDelivery[accountId()]).toEqual({ method: "EMAIL", email: DEMO_CUSTOMER.email });
  });

  it("needs a confirmed e-mail, and the account linked", async () => {
    const token = await register("anna@example.ru");
    expect((await errorOf(await send("PUT", setPath(), { method: "EMAIL" }, token))).code).toBe("NOT_FOUND");
    mockDb.state.accountLinks.push({
      userId: mockDb.state.users.find((u) => u.email === "anna@example.ru")?.id ?? "",
      accountId: accountId(),
      isPrimary: true,
      linkedAt: new Date().toISOString(),
    });
    expect((await errorOf(await send("PUT", setPath(), { method: "EMAIL" }, token))).code).toBe("EMAIL_NOT_CONFIRMED");
  });
});
