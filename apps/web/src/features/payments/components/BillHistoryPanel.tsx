import { type HistoryPanelProps, PeriodHistory } from "../../../components/PeriodHistory.tsx";
import { billsQueryOptions } from "../api/get-bills.ts";
import { billsFile } from "../history-csv.ts";
import { BillsTable } from "./BillsTable.tsx";

const texts = {
  loading: "Загружаем счета…",
  failed: "Не удалось загрузить счета.",
  empty: "За выбранный период счетов нет.",
};

/** «История» → «Счета»: the bills of the months in a period the customer picks. */
export function BillHistoryPanel({ accountId, accountNumber, today }: HistoryPanelProps) {
  return (
    <PeriodHistory
      today={today}
      rows={(period) => billsQueryOptions(accountId, period)}
      texts={texts}
      file={(rows, shown) => billsFile(rows, accountNumber, shown)}
    >
      {(rows, busy) => <BillsTable accountId={accountId} bills={rows} busy={busy} />}
    </PeriodHistory>
  );
}
