import { useState } from "react";
import { PeriodHistory } from "../../../components/PeriodHistory.tsx";
import { DEFAULT_PERIOD_MONTHS, type Period, periodBack } from "../../../lib/period.ts";
import { usePayments } from "../api/get-payments.ts";
import { paymentsFile } from "../history-csv.ts";
import { PaymentsTable } from "./PaymentsTable.tsx";

const texts = {
  loading: "Загружаем оплаты…",
  failed: "Не удалось загрузить оплаты.",
  empty: "За выбранный период оплат нет.",
};

/** «История» → «Оплаты»: the account's payments for a period the customer picks. */
export function PaymentHistoryPanel({
  accountId,
  accountNumber,
  today,
}: {
  accountId: string;
  accountNumber: string;
  today: string;
}) {
  const [period, setPeriod] = useState<Period>(() => periodBack(DEFAULT_PERIOD_MONTHS, today));
  const payments = usePayments(accountId, period);
  return (
    <PeriodHistory
      today={today}
      period={period}
      onPeriod={setPeriod}
      query={payments}
      texts={texts}
      file={(rows, shown) => paymentsFile(rows, accountNumber, shown)}
    >
      {(rows, busy) => <PaymentsTable payments={rows} busy={busy} />}
    </PeriodHistory>
  );
}
