import type { Notice } from "./messages.ts";

// Apart from messages.ts (whose request letters import the requests' schemas), as receipts.ts.

/** «Необычный расход»: the letter beside the notice on the account page. */
export function unusualUseMessage(to: string, accountNumber: string, text: string): Notice {
  return {
    channel: "EMAIL",
    kind: "UNUSUAL_USE",
    to,
    subject: `Необычный расход электроэнергии по лицевому счёту № ${accountNumber}`,
    text: [text, "", "Показания и расход по месяцам — в личном кабинете, «История» → «Показания»."].join("\n"),
  };
}
