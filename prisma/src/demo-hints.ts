import { SUPPLIERS } from "@lk/demo-data";
import { formatAmount } from "@lk/domain";
import { demoLinkHints } from "./world-seed.ts";

/** The lines `pnpm start` and `pnpm db:seed` print so a person can try linking an account. */
export function describeDemoLinking(now = new Date()): string[] {
  const lines = ["  Лицевые счета для «Добавить лицевой счёт» (ответы на контрольные вопросы):"];
  for (const h of demoLinkHints({ now })) {
    const supplier = SUPPLIERS.find((s) => s.id === h.supplierId);
    const answers = [
      h.billTotal !== null && supplier?.controlQuestions.includes("BILL_TOTAL")
        ? `итого по счёту ${formatAmount(Math.abs(h.billTotal))}`
        : null,
      h.meterSerial && supplier?.controlQuestions.includes("METER_SERIAL") ? `счётчик № ${h.meterSerial}` : null,
      h.lastPayment !== null && supplier?.controlQuestions.includes("LAST_PAYMENT")
        ? `последний платёж ${formatAmount(h.lastPayment)}`
        : null,
    ].filter(Boolean);
    lines.push(`    ${supplier?.shortName}, № ${h.accountNumber} (${h.description}): ${answers.join("; ")}`);
  }
  return lines;
}
