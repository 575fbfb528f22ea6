import type { OutboxKind } from "@lk/contract";
import { type Database, type Prisma, type Sql, statement } from "@lk/db";
import type { FastifyBaseLogger } from "fastify";

/** A message as written to the outbox; the transport sends it later. */
export interface OutgoingMessage {
  channel: "EMAIL" | "SMS";
  kind: OutboxKind;
  to: string;
  subject: string;
  text: string;
  /** One message per event (e.g. `bill:<id>`): writing it twice keeps the first. */
  dedupeKey?: string;
}

/** What actually delivers mail and SMS. SMTP (e.g. nodemailer) or an SMS gateway plugs in here. */
export interface MessageTransport {
  send(message: Pick<OutgoingMessage, "channel" | "to" | "subject" | "text">): Promise<void>;
}

/** Development and demos: nothing leaves the machine; the outbox page shows what would have. */
export class OutboxOnlyTransport implements MessageTransport {
  async send(): Promise<void> {}
}

type Writer = Pick<Database, "outboxMessage"> | Prisma.TransactionClient;

/**
 * Writes a message in the caller's transaction (false when its dedupe key was already written), so a code, a reset link or a bill notice exists
 * exactly when what caused it was committed.
 */
export async function enqueue(db: Writer, message: OutgoingMessage): Promise<boolean> {
  const written = await db.outboxMessage.createMany({ data: [message], skipDuplicates: true });
  return written.count === 1;
}

const enqueueMany = statement<[messages: string], never>(
  "outbox.enqueue",
  `INSERT INTO "OutboxMessage" (id, channel, kind, "to", subject, text, "dedupeKey")
   SELECT gen_random_uuid(), m.channel::"OutboxChannel", m.kind::"OutboxKind", m."to", m.subject, m.text, m."dedupeKey"
     FROM json_to_recordset($1::json) AS m(channel text, kind text, "to" text, subject text, text text, "dedupeKey" text)
   ON CONFLICT ("dedupeKey") DO NOTHING`,
);

/**
 * `enqueue` for a transaction run with prepared statements (`transaction` of @lk/db): every
 * message in one statement, even none, so the caller's work does not depend on how many.
 */
export async function enqueueIn(sql: Sql, messages: OutgoingMessage[]): Promise<void> {
  await sql.query(enqueueMany, [JSON.stringify(messages.map((m) => ({ dedupeKey: null, ...m })))]);
}

const MAX_ATTEMPTS = 5;
const BATCH = 50;

/**
 * Hands waiting messages to the transport. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several API instances can dispatch at once without sending a message twice.
 */
export async function dispatchOutbox(
  db: Database,
  transport: MessageTransport,
  now: () => Date,
  log?: FastifyBaseLogger,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<
      { id: string; channel: "EMAIL" | "SMS"; to: string; subject: string; text: string }[]
    >`
      SELECT id, channel::text AS channel, "to", subject, text FROM "OutboxMessage"
      WHERE "sentAt" IS NULL AND attempts < ${MAX_ATTEMPTS}
      ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    let sent = 0;
    for (const message of claimed) {
      try {
        await transport.send(message);
        await tx.outboxMessage.update({
          where: { id: message.id },
          data: { sentAt: now(), attempts: { increment: 1 }, lastError: null },
        });
        sent += 1;
      } catch (error) {
        log?.warn({ err: error, messageId: message.id }, "outbox: sending failed");
        await tx.outboxMessage.update({
          where: { id: message.id },
          data: { attempts: { increment: 1 }, lastError: String(error).slice(0, 500) },
        });
      }
    }
    return sent;
  });
}

export async function listOutbox(db: Database, to?: string) {
  const rows = await db.outboxMessage.findMany({
    where: to ? { to: { equals: to, mode: "insensitive" } } : {},
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    to: row.to,
    subject: row.subject,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}
