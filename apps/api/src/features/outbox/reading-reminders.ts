import type { Database } from "@lk/db";
import { dayStart, readingWindow } from "@lk/domain";
import type { Clock } from "../../lib/clock.ts";
import { enqueue } from "./outbox.ts";

const ddmm = (iso: string) => iso.slice(5).split("-").reverse().join(".");

/**
 * «Передайте показания»: while an account's reading window is open, each linked customer with a
 * confirmed e-mail gets one reminder per account and window, unless a reading for every meter
 * that needs one already came in. Meters on АСКУЭ or faulty ones need none. Run it daily; the
 * dedupe key makes a second run in the same window send nothing.
 */
export async function sendReadingReminders({ db, clock }: { db: Database; clock: Clock }): Promise<number> {
  const now = clock.now();
  const links = await db.accountLink.findMany({
    where: { user: { emailConfirmedAt: { not: null } } },
    select: {
      userId: true,
      user: { select: { email: true } },
      account: {
        select: {
          id: true,
          number: true,
          supplier: { select: { readingWindowStartDay: true, readingWindowEndDay: true, timeZone: true } },
          meters: { where: { automated: false, faulty: false }, select: { id: true } },
        },
      },
    },
  });
  let sent = 0;
  for (const { userId, user, account } of links) {
    const { supplier } = account;
    const window = readingWindow(now, {
      startDay: supplier.readingWindowStartDay,
      endDay: supplier.readingWindowEndDay,
      timeZone: supplier.timeZone,
    });
    if (!window.open || account.meters.length === 0) continue;
    const since = dayStart(window.from, supplier.timeZone);
    const withReading = await db.reading.groupBy({
      by: ["meterId"],
      where: { meterId: { in: account.meters.map((m) => m.id) }, takenAt: { gte: since }, status: "ACTIVE" },
    });
    if (withReading.length >= account.meters.length) continue;
    const written = await enqueue(db, {
      channel: "EMAIL",
      kind: "READING_REMINDER",
      to: user.email,
      subject: `Передайте показания по лицевому счёту ${account.number}`,
      text: [
        `Показания счётчиков по лицевому счёту ${account.number} принимаются с ${ddmm(window.from)} по ${ddmm(window.to)}.`,
        "Передать их можно в личном кабинете: «Передать показания».",
      ].join("\n"),
      dedupeKey: `reminder:${userId}:${account.id}:${window.from}`,
    });
    if (written) sent += 1;
  }
  return sent;
}
