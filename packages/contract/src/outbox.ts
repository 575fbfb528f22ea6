import { defineRoute } from "./route.ts";
import { z } from "./zod.ts";

export const OutboxChannel = z.enum(["EMAIL", "SMS"]);
export const OutboxKind = z.enum([
  "CONTACT_CODE",
  "PASSWORD_RESET",
  "PASSWORD_CHANGED",
  "BILL",
  "READING_REMINDER",
  "REQUEST_ANSWERED",
  "PASSWORD_RESET_NO_ACCOUNT",
  "CONTACT_CHANGED",
  "LINK_PAUSED",
  "ACCOUNT_LINKED",
  "RECEIPT",
  "UNUSUAL_USE",
]);
export type OutboxKind = z.infer<typeof OutboxKind>;

export const OutboxMessage = z.object({
  id: z.uuid(),
  channel: OutboxChannel,
  kind: OutboxKind,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  /** When the transport took it; null while waiting or after a failed try. */
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = z.strictObject({
  /** Only messages to this address or phone. */
  to: z.string().trim().max(254).optional(),
});

export const outboxRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/dev/outbox",
    summary: "Исходящие письма и SMS (только в режиме разработки и демонстрации), новые первыми",
    tag: "Служебное",
    auth: false,
    query: OutboxQuery,
    status: 200,
    response: z.object({ messages: z.array(OutboxMessage) }),
    errors: ["NOT_FOUND"],
  }),
};
