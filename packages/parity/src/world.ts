import { routes } from "@lk/contract";
import { DEFAULT_SEED, DEMO_OPERATOR, generateAccount, linkHintsOf } from "@lk/demo-data";
import { formatAmount } from "@lk/domain";
import type { ParityApi } from "./client.ts";

/**
 * The instant both sides stand at: the API's test world is generated for it (TEST_WORLD_NOW) and
 * the mock's clock is set to it, so both hold the same accounts, bills and readings. The 20th,
 * with the reading window open.
 */
export const PARITY_NOW = new Date("2026-11-20T09:00:00Z");

/** The N-th account of the world as generated (residents, rooms, areas: what a request changes). */
export function accountOf(index: number) {
  return generateAccount(index, { seed: DEFAULT_SEED, now: PARITY_NOW }).account;
}

/** What the customer's papers say of the N-th account of the world (the right answers to link it). */
export function papersOf(index: number) {
  const hints = linkHintsOf(generateAccount(index, { seed: DEFAULT_SEED, now: PARITY_NOW }), PARITY_NOW);
  return { ...hints, billTotalText: hints.billTotal === null ? "" : formatAmount(Math.abs(hints.billTotal)) };
}

/** An id that names nothing on either side. */
export const UNKNOWN = "00000000-0000-4000-8000-00000000dead";

let sequence = 0;

export interface ParityCustomer {
  email: string;
  token: string;
}

/** A new customer, registered through the API, with the e-mail confirmed by the code in the outbox. */
export function customer(api: ParityApi, { confirmed = true } = {}): Promise<ParityCustomer> {
  return api.setup(async () => {
    sequence += 1;
    const email = `parity-${sequence}-${Math.random().toString(36).slice(2, 8)}@example.ru`;
    const session = await api.call("register", routes.auth.register, {
      body: { email, fullName: "Паритетов Тест", password: "Secret-123" },
    });
    const token = session.accessToken;
    if (confirmed) {
      await api.call("code", routes.profile.sendContactCode, { body: { kind: "EMAIL", value: email } }, token);
      const { messages } = await api.call("outbox", routes.outbox.list, { query: { to: email } });
      const code = newestCode(messages);
      await api.call("confirm", routes.profile.confirmContact, { body: { kind: "EMAIL", code } }, token);
    }
    return { email, token };
  });
}

/** Links the N-th account of the world with its latest bill's total; its id. */
export function linked(api: ParityApi, who: ParityCustomer, index: number): Promise<string> {
  return api.setup(async () => {
    const papers = papersOf(index);
    const { account } = await api.call(
      "link",
      routes.accounts.confirmLink,
      {
        body: {
          supplierId: papers.supplierId,
          accountNumber: papers.accountNumber,
          question: "BILL_TOTAL",
          answer: papers.billTotalText,
        },
      },
      who.token,
    );
    return account.id;
  });
}

/**
 * The demo operator, signed in. No route makes an operator, so both sides stand on the demo seed's:
 * the mock seeds them, and the API's runner runs the database seed.
 */
export function operator(api: ParityApi): Promise<{ token: string }> {
  return api.setup(async () => {
    const session = await api.call("operator signs in", routes.auth.signIn, {
      body: { login: DEMO_OPERATOR.email, password: DEMO_OPERATOR.password },
    });
    return { token: session.accessToken };
  });
}

/** The code in the newest message to an address (a contact code). */
export function newestCode(messages: readonly { text: string }[]): string {
  return /\b(\d{6})\b/.exec(messages[0]?.text ?? "")?.[1] ?? "";
}
