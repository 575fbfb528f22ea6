import { OutboxMessage } from "@lk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { createTestApp, linkByNumber, registerCustomer, type TestApp } from "../../test/test-app.ts";
import { dispatchOutbox, enqueue, type MessageTransport } from "./outbox.ts";
import { sendReadingReminders } from "./reading-reminders.ts";

const clock = fixedClock(new Date("2026-11-15T09:00:00+03:00"));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

describe("the outbox", () => {
  it("the dispatcher hands each message to the transport once; a failing send is retried later", async () => {
    await t.db.outboxMessage.updateMany({ data: { sentAt: clock.now() } });
    await enqueue(t.db, { channel: "EMAIL", kind: "BILL", to: "a@example.ru", subject: "1", text: "first" });
    await enqueue(t.db, { channel: "SMS", kind: "CONTACT_CODE", to: "+79160000000", subject: "2", text: "second" });
    const delivered: string[] = [];
    let failOnce = true;
    const transport: MessageTransport = {
      async send(message) {
        if (message.channel === "SMS" && failOnce) {
          failOnce = false;
          throw new Error("gateway timeout");
        }
        delivered.push(message.text);
      },
    };
    await dispatchOutbox(t.db, transport, () => clock.now());
    expect(delivered).toEqual(["first"]);
    const failed = await t.db.outboxMessage.findFirstOrThrow({ where: { text: "second" } });
    expect(failed).toMatchObject({ sentAt: null, attempts: 1, lastError: "Error: gateway timeout" });
    await dispatchOutbox(t.db, transport, () => clock.now());
    expect(delivered).toEqual(["first", "second"]);
    await dispatchOutbox(t.db, transport, () => clock.now());
    expect(delivered).toHaveLength(2);
  });

  it("two dispatchers at once (two API instances) send each message once", async () => {
    await t.db.outboxMessage.updateMany({ data: { sentAt: clock.now() } });
    for (let i = 0; i < 30; i++) {
      await enqueue(t.db, { channel: "EMAIL", kind: "BILL", to: `n${i}@example.ru`, subject: "s", text: `m${i}` });
    }
    const delivered: string[] = [];
    const transport: MessageTransport = {
      async send(message) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        delivered.push(message.text);
      },
    };
    await Promise.all([0, 1, 2].map(() => dispatchOutbox(t.db, transport, () => clock.now())));
    await dispatchOutbox(t.db, transport, () => clock.now());
    expect(delivered.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`).sort());
  });

  it("a dedupe key writes a message once", async () => {
    const message = {
      channel: "EMAIL",
      kind: "BILL",
      to: "b@example.ru",
      subject: "s",
      text: "t",
      dedupeKey: "k1",
    } as const;
    expect(await enqueue(t.db, message)).toBe(true);
    expect(await enqueue(t.db, message)).toBe(false);
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: "k1" } })).toBe(1);
  });

  it("the development page lists messages, newest first, filtered by recipient", async () => {
    await enqueue(t.db, { channel: "EMAIL", kind: "BILL", to: "c@example.ru", subject: "old", text: "1" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await enqueue(t.db, { channel: "EMAIL", kind: "BILL", to: "c@example.ru", subject: "new", text: "2" });
    const res = await t.app.inject({ method: "GET", url: "/api/dev/outbox?to=C@example.ru" });
    const messages = res.json().messages.map((m: unknown) => OutboxMessage.parse(m));
    expect(messages.map((m: { subject: string }) => m.subject)).toEqual(["new", "old"]);
  });

  it("is not served in production", async () => {
    const prod = await createTestApp({ env: { NODE_ENV: "production" } });
    try {
      const res = await prod.app.inject({ method: "GET", url: "/api/dev/outbox" });
      expect(res.statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

describe("reading reminders", () => {
  it("one per account and window to confirmed addresses, none once the readings are in or the window is shut", async () => {
    const c = await registerCustomer(t.app);
    await t.db.user.update({ where: { id: c.id }, data: { emailConfirmedAt: clock.now() } });
    const account = await linkByNumber(t, c, "7700000010");
    const unconfirmed = await registerCustomer(t.app);
    await linkByNumber(t, unconfirmed, "7700000011");

    await sendReadingReminders({ db: t.db, clock });
    await sendReadingReminders({ db: t.db, clock });
    const mails = await t.db.outboxMessage.findMany({ where: { kind: "READING_REMINDER", to: c.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(`по лицевому счёту ${account.number} принимаются с 15.11 по 26.11`);
    expect(await t.db.outboxMessage.count({ where: { to: unconfirmed.email } })).toBe(0);

    const closed = fixedClock(new Date("2026-11-27T09:00:00+03:00"));
    const other = await registerCustomer(t.app);
    await t.db.user.update({ where: { id: other.id }, data: { emailConfirmedAt: clock.now() } });
    await linkByNumber(t, other, "7700000012");
    expect(await sendReadingReminders({ db: t.db, clock: closed })).toBe(0);
  });
});
