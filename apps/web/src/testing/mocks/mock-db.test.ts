import { type OutboxMessage, routes } from "@lk/contract";
import { DEMO_CUSTOMER } from "@lk/demo-data";
import { describe, expect, it } from "vitest";
import { setUpMockApiServer } from "./handlers/mock-api-server.ts";
import { signIn } from "./handlers/request-test-client.ts";
import { MOCK_STORAGE_KEY, type MockState, mockDb } from "./mock-db.ts";

setUpMockApiServer();

const savedState = () => JSON.parse(window.localStorage.getItem(MOCK_STORAGE_KEY) ?? "null") as MockState;

describe("the mock's state in several tabs", () => {
  it("takes what another tab wrote before answering, instead of writing its own old copy over it", async () => {
    await signIn(DEMO_CUSTOMER.email, DEMO_CUSTOMER.password);
    // Another tab of the mock (the outbox beside the cabinet) sent a letter and saved.
    const letter: OutboxMessage = {
      id: crypto.randomUUID(),
      channel: "EMAIL",
      kind: "PASSWORD_RESET",
      to: DEMO_CUSTOMER.email,
      subject: "Из другой вкладки",
      text: "Письмо, отправленное другой вкладкой.",
      createdAt: new Date().toISOString(),
      sentAt: new Date().toISOString(),
    };
    const other = savedState();
    other.outbox.push(letter);
    window.localStorage.setItem(MOCK_STORAGE_KEY, JSON.stringify(other));

    // This tab answers a request that writes (a new session): both changes are kept.
    const token = await signIn(DEMO_CUSTOMER.email, DEMO_CUSTOMER.password);
    expect(savedState().outbox).toContainEqual(letter);
    expect(savedState().accessTokens[token]).toBe(mockDb.state.accessTokens[token]);
    const listed = await fetch(new URL(`${routes.outbox.list.path}?to=${DEMO_CUSTOMER.email}`, window.location.origin));
    expect(((await listed.json()) as { messages: OutboxMessage[] }).messages).toContainEqual(letter);
  });

  it("keeps this tab's own unsaved changes when no other tab wrote", async () => {
    mockDb.state.balanceAdjustments.someAccount = -100;
    await signIn(DEMO_CUSTOMER.email, DEMO_CUSTOMER.password);
    expect(savedState().balanceAdjustments.someAccount).toBe(-100);
  });
});
