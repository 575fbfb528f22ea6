import {
  AuthSession,
  BillDelivery,
  buildPath,
  ContactChangeUndone,
  ContactCodeSent,
  ErrorBody,
  OutboxMessage,
  Profile,
  routes,
} from "@lk/contract";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { CODES_PER_VALUE_PER_HOUR } from "@lk/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { codeIn, tokenIn } from "../../outbox-text.ts";
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

/** The newest message to `to`, as a customer reads it at /dev/outbox. */
async function newestTo(to: string) {
  const res = await send("GET", `${routes.outbox.list.path}?to=${encodeURIComponent(to)}`);
  return z.object({ messages: z.array(OutboxMessage) }).parse(await res.json()).messages[0];
}
const codeSentTo = async (to: string) => codeIn((await newestTo(to))?.text);

const PASSWORD = { currentPassword: DEMO_CUSTOMER.password };

const later = (seconds: number) => {
  const at = mockClock.now().getTime() + seconds * 1000;
  mockClock.now = () => new Date(at);
};

describe("mock API: profile", () => {
  it(`sends one number ${CODES_PER_VALUE_PER_HOUR} codes an hour, whoever asks`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= CODES_PER_VALUE_PER_HOUR; i++) {
      const token = await register(`asker-${i}@example.ru`);
      const body = { kind: "PHONE", value: "+79160007070", currentPassword: "Pass-word-1" };
      statuses.push((await send("POST", routes.profile.sendContactCode.path, body, token)).status);
    }
    expect(statuses).toEqual([...Array(CODES_PER_VALUE_PER_HOUR).fill(201), 429]);
  });

  it("changes the phone with an SMS code; the new phone signs in", async () => {
    const token = await signIn();
    const sent = await send(
      "POST",
      routes.profile.sendContactCode.path,
      { kind: "PHONE", value: "8 916 000-11-22", ...PASSWORD },
      token,
    );
    expect(sent.status).toBe(201);
    expect(ContactCodeSent.parse(await sent.json())).toMatchObject({ value: "+79160001122", resendAfterSeconds: 60 });
    const again = await send(
      "POST",
      routes.profile.sendContactCode.path,
      { kind: "PHONE", value: "+79160001122", ...PASSWORD },
      token,
    );
    expect(await errorOf(again)).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds: 60 } });

    const code = await codeSentTo("+79160001122");
    const confirmed = await send("POST", routes.profile.confirmContact.path, { kind: "PHONE", code }, token);
    expect(Profile.parse(await confirmed.json())).toMatchObject({ phone: "+79160001122", phoneConfirmed: true });
    expect(await signIn("+7 916 000 11 22")).toBeTruthy();
  });

  it("counts wrong codes: 5 tries, then a new code is needed; a code lasts 10 minutes", async () => {
    const token = await signIn();
    await send(
      "POST",
      routes.profile.sendContactCode.path,
      { kind: "PHONE", value: "+79160001133", ...PASSWORD },
      token,
    );
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
    await send(
      "POST",
      routes.profile.sendContactCode.path,
      { kind: "PHONE", value: "+79160001133", ...PASSWORD },
      token,
    );
    later(10 * 60 + 1);
    const code = await codeSentTo("+79160001133");
    const stale = await send("POST", routes.profile.confirmContact.path, { kind: "PHONE", code }, token);
    expect((await errorOf(stale)).code).toBe("CODE_EXPIRED");
  });

  it("sends the code even to another customer's e-mail (saying nothing), and refuses it only at confirmation", async () => {
    const token = await register("anna@example.ru");
    const change = (value: string) =>
      send(
        "POST",
        routes.profile.sendContactCode.path,
        { kind: "EMAIL", value, currentPassword: "Pass-word-1" },
        token,
      );
    expect((await change("demo@lk.test")).status).toBe(201);
    const taken = await send(
      "POST",
      routes.profile.confirmContact.path,
      { kind: "EMAIL", code: await codeSentTo("demo@lk.test") },
      token,
    );
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toMatchObject({ code: "EMAIL_TAKEN", details: { fields: [{ path: "value" }] } });

    later(61);
    await change("Anna.New@Example.ru");
    const again = await send(
      "POST",
      routes.profile.sendContactCode.path,
      { kind: "PHONE", value: "+79160001144", currentPassword: "Pass-word-1" },
      token,
    );
    expect(again.status).toBe(201); // the minute is per kind
    const before = Profile.parse(await (await send("GET", routes.profile.get.path, undefined, token)).json());
    expect(before).toMatchObject({ email: "anna@example.ru", emailConfirmed: false });
    const code = await codeSentTo("anna.new@example.ru");
    const after = await send("POST", routes.profile.confirmContact.path, { kind: "EMAIL", code }, token);
    expect(Profile.parse(await after.json())).toMatchObject({ email: "anna.new@example.ru", emailConfirmed: true });
  });

  it("needs the current password to change the e-mail or phone, but not to confirm the current one", async () => {
    const token = await register("anna@example.ru", "+79160002200");
    const profile = Profile.parse(await (await send("GET", routes.profile.get.path, undefined, token)).json());
    // A phone typed at registration is not proved yet.
    expect(profile).toMatchObject({ phone: "+79160002200", phoneConfirmed: false, emailConfirmed: false });
    const code = (body: object) => send("POST", routes.profile.sendContactCode.path, body, token);

    const missing = await code({ kind: "EMAIL", value: "anna.new@example.ru" });
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fields: [{ path: "currentPassword", message: "Введите текущий пароль." }] },
    });
    const wrong = await code({ kind: "EMAIL", value: "anna.new@example.ru", currentPassword: "Wrong-pass-1" });
    expect(wrong.status).toBe(422);
    expect(await errorOf(wrong)).toMatchObject({
      code: "WRONG_PASSWORD",
      details: { fields: [{ path: "currentPassword", message: "Текущий пароль введён неверно." }] },
    });
    expect(mockDb.state.outbox).toEqual([]);
    const right = await code({ kind: "EMAIL", value: "anna.new@example.ru", currentPassword: "Pass-word-1" });
    expect(right.status).toBe(201);

    // The current phone, unconfirmed: a code without the password; once confirmed, no more codes.
    expect((await code({ kind: "PHONE", value: "+7 916 000-22-00" })).status).toBe(201);
    const sms = await send(
      "POST",
      routes.profile.confirmContact.path,
      { kind: "PHONE", code: await codeSentTo("+79160002200") },
      token,
    );
    expect(Profile.parse(await sms.json())).toMatchObject({ phone: "+79160002200", phoneConfirmed: true });
    later(61);
    const done = await code({ kind: "PHONE", value: "+79160002200" });
    expect(await errorOf(done)).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fields: [{ path: "value", message: "Этот номер уже подтверждён." }] },
    });
    // Confirming the current number is no change: nobody is told.
    expect(mockDb.state.outbox.filter((m) => m.kind === "CONTACT_CHANGED")).toEqual([]);
  });

  it("changes the password with the current one: every session ends, this browser goes on in a new one", async () => {
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
    expect(changed.status).toBe(200);
    const session = AuthSession.parse(await changed.json());
    expect(session.user.email).toBe(DEMO_CUSTOMER.email);
    expect((await send("GET", routes.profile.get.path, undefined, session.accessToken)).status).toBe(200);
    expect((await send("GET", routes.profile.get.path, undefined, token)).status).toBe(401);
    expect((await send("GET", routes.profile.get.path, undefined, other)).status).toBe(401);
    // This browser's refresh "cookie" is the new session's.
    expect((await send("POST", routes.auth.refresh.path)).status).toBe(200);
    expect(await signIn(DEMO_CUSTOMER.email, "New-pass-2026")).toBeTruthy();
    const letter = await newestTo(DEMO_CUSTOMER.email);
    expect(letter).toMatchObject({ kind: "PASSWORD_CHANGED", subject: "Пароль изменён" });
    expect(letter?.text).toContain(`${window.location.origin}/forgot-password`);
  });

  it("resets a password by a single-use link from the mail; an unknown address is told it has no account", async () => {
    const unknown = await send("POST", routes.auth.passwordReset.path, { email: "nobody@example.ru" });
    expect(unknown.status).toBe(204);
    const nobody = await newestTo("nobody@example.ru");
    expect(nobody).toMatchObject({ kind: "PASSWORD_RESET_NO_ACCOUNT", subject: "Восстановление пароля" });
    expect(nobody?.text).toContain(`${window.location.origin}/register`);
    expect(nobody?.text).not.toContain("token=");

    expect((await send("POST", routes.auth.passwordReset.path, { email: DEMO_CUSTOMER.email })).status).toBe(204);
    const token = tokenIn((await newestTo(DEMO_CUSTOMER.email))?.text, "/reset-password");
    expect(token).toHaveLength(32);
    const body = { token, password: "Reset-pass-2026" };
    expect((await send("POST", routes.auth.passwordResetConfirm.path, body)).status).toBe(204);
    expect((await errorOf(await send("POST", routes.auth.passwordResetConfirm.path, body))).code).toBe(
      "RESET_TOKEN_INVALID",
    );
    expect(await signIn(DEMO_CUSTOMER.email, "Reset-pass-2026")).toBeTruthy();
  });

  it("mails an address nobody has at most three times an hour too, and its token opens nothing", async () => {
    for (let i = 0; i < 4; i++) {
      expect((await send("POST", routes.auth.passwordReset.path, { email: "nobody@example.ru" })).status).toBe(204);
    }
    expect(mockDb.state.outbox.filter((m) => m.kind === "PASSWORD_RESET_NO_ACCOUNT")).toHaveLength(3);
    const token = mockDb.state.passwordResets.at(-1)?.token ?? "";
    const res = await send("POST", routes.auth.passwordResetConfirm.path, { token, password: "Reset-pass-2026" });
    expect((await errorOf(res)).code).toBe("RESET_TOKEN_INVALID");
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

describe("mock API: undoing a change of e-mail or phone", () => {
  /** The demo customer's login changed to `value` by code, with the password, in the session `token`. */
  async function changeContact(token: string, kind: "EMAIL" | "PHONE", value: string) {
    await send("POST", routes.profile.sendContactCode.path, { kind, value, ...PASSWORD }, token);
    const code = await codeSentTo(value);
    const res = await send("POST", routes.profile.confirmContact.path, { kind, code }, token);
    expect(res.status).toBe(200);
  }
  const undo = (token: string) => send("POST", routes.auth.undoContactChange.path, { token });
  const NEW_PASSWORD = "New-pass-2027";
  const newPassword = async (token: string) =>
    expect((await send("POST", routes.auth.passwordResetConfirm.path, { token, password: NEW_PASSWORD })).status).toBe(
      204,
    );

  it("tells the previous e-mail with a link that puts it back once, for 7 days, and ends every session", async () => {
    const token = await signIn();
    await changeContact(token, "EMAIL", "thief@example.ru");
    const letter = await newestTo(DEMO_CUSTOMER.email);
    expect(letter).toMatchObject({
      channel: "EMAIL",
      kind: "CONTACT_CHANGED",
      subject: "Адрес электронной почты изменён",
    });
    expect(letter?.text).toContain("адрес электронной почты изменён на thief@example.ru");
    expect(letter?.text).toContain("Ссылка действует 7 дней");
    const link = tokenIn(letter?.text, `${window.location.origin}/undo-contact-change`);
    expect(link).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const res = await undo(link);
    expect(res.status).toBe(200);
    const { passwordResetToken, ...undone } = ContactChangeUndone.parse(await res.json());
    expect(undone).toEqual({ kind: "EMAIL", value: DEMO_CUSTOMER.email });
    expect((await send("GET", routes.profile.get.path, undefined, token)).status).toBe(401);
    expect((await send("POST", routes.auth.refresh.path)).status).toBe(401);
    // The password whoever changed the address knew is over; the answer's token sets a new one.
    expect(
      (await send("POST", routes.auth.signIn.path, { login: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }))
        .status,
    ).toBe(401);
    await newPassword(passwordResetToken);
    const back = Profile.parse(
      await (
        await send("GET", routes.profile.get.path, undefined, await signIn(DEMO_CUSTOMER.email, NEW_PASSWORD))
      ).json(),
    );
    expect(back).toMatchObject({ email: DEMO_CUSTOMER.email, emailConfirmed: true });

    const again = await undo(link);
    expect(again.status).toBe(410);
    expect((await errorOf(again)).code).toBe("UNDO_LINK_INVALID");
  });

  it("tells a phone change to the e-mail and, by SMS without the link, to the previous phone; the link puts the phone back", async () => {
    const token = await signIn();
    await changeContact(token, "PHONE", "+79160003300");
    const mail = await newestTo(DEMO_CUSTOMER.email);
    const sms = await newestTo(DEMO_CUSTOMER.phone);
    expect(mail).toMatchObject({ channel: "EMAIL", kind: "CONTACT_CHANGED", subject: "Номер телефона изменён" });
    expect(sms).toMatchObject({ channel: "SMS", kind: "CONTACT_CHANGED" });
    // The link only in the letter: the previous number may be someone else's by now.
    expect(sms?.text).not.toContain("/undo-contact-change");
    const link = tokenIn(mail?.text, "/undo-contact-change");
    const { passwordResetToken, ...undone } = ContactChangeUndone.parse(await (await undo(link)).json());
    expect(undone).toEqual({ kind: "PHONE", value: DEMO_CUSTOMER.phone });
    await newPassword(passwordResetToken);
    const back = Profile.parse(
      await (
        await send("GET", routes.profile.get.path, undefined, await signIn(DEMO_CUSTOMER.email, NEW_PASSWORD))
      ).json(),
    );
    expect(back).toMatchObject({ phone: DEMO_CUSTOMER.phone, phoneConfirmed: true });
  });

  it("refuses an expired link, and a previous address someone else has taken since", async () => {
    const token = await signIn();
    await changeContact(token, "EMAIL", "new@example.ru");
    const link = tokenIn((await newestTo(DEMO_CUSTOMER.email))?.text, "/undo-contact-change");
    await register(DEMO_CUSTOMER.email);
    const taken = await undo(link);
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).code).toBe("EMAIL_TAKEN");

    later(7 * 24 * 3600 + 1);
    expect((await errorOf(await undo(link))).code).toBe("UNDO_LINK_INVALID");
    expect((await errorOf(await undo("x".repeat(43)))).code).toBe("UNDO_LINK_INVALID");
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
