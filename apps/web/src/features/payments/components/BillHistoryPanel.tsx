import { useState } from "react";
import { PeriodHistory } from "../../../components/PeriodHistory.tsx";
import { DEFAULT_PERIOD_MONTHS, type Period, periodBack } from "../../../lib/period.ts";
import { useBills } from "../api/get-bills.ts";
import { billsFile } from "../history-csv.ts";
import { BillsTable } from "./BillsTable.tsx";

const texts = {
  loading: "Загружаем счета…",
  failed: "Не удалось загрузить счета.",
  empty: "За выбранный период счетов нет.",
};

/** «История» → «Счета»: the bills of the months in a period the customer picks. */
export function BillHistoryPanel({
  accountId,
  accountNumber,
  today,
}: {
  accountId: string;
  accountNumber: string;
  today: string;
}) {
  const [period, setPeriod] = useState<Period>(() => periodBack(DEFAULT_PERIOD_MONTHS, today));
  const bills = useBills(accountId, period);
  return (
    <PeriodHistory
      today={today}
      period={period}
      onPeriod={setPeriod}
      query={bills}
      texts={texts}
      file={(rows, shown) => billsFile(rows, accountNumber, shown)}
    >
      {(rows, busy) => <BillsTable accountId={accountId} bills={rows} busy={busy} />}
    </PeriodHistory>
  );
}
