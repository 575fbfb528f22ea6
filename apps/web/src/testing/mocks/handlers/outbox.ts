import { normalizeLogin, routes } from "@lk/contract";
import { mockRoute } from "../contract-handler.ts";
import { authenticate } from "../mock-auth.ts";
import { outboxMessages } from "../mock-outbox.ts";

/** /dev/outbox: the mock is a development tool, so its outbox is always open. */
export const outboxHandlers = [
  mockRoute(
    routes.outbox.list,
    ({ input: { query } }) => ({ messages: outboxMessages(query.to ? normalizeLogin(query.to) : undefined) }),
    { authenticate },
  ),
];
