import { type HistoryPanelProps, PeriodHistory } from "../../../components/PeriodHistory.tsx";
import { paymentsQueryOptions } from "../api/get-payments.ts";
import { paymentsFile } from "../history-csv.ts";
import { PaymentsTable } from "./PaymentsTable.tsx";

const texts = {
  loading: "Загружаем оплаты…",
  failed: "Не удалось загрузить оплаты.",
  empty: "За выбранный период оплат нет.",
};

/** «История» → «Оплаты»: the account's payments for a period the customer picks. */
export function PaymentHistoryPanel({ accountId, accountNumber, today }: HistoryPanelProps) {
  return (
    <PeriodHistory
      today={today}
      rows={(period) => paymentsQueryOptions(accountId, period)}
      texts={texts}
      file={(rows, shown) => paymentsFile(rows, accountNumber, shown)}
    >
      {(rows, busy) => <PaymentsTable payments={rows} busy={busy} />}
    </PeriodHistory>
  );
}
