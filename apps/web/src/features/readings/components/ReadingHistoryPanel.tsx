import { type HistoryPanelProps, PeriodHistory } from "../../../components/PeriodHistory.tsx";
import { readingHistoryQueryOptions } from "../api/get-reading-history.ts";
import { readingsFile } from "../readings-csv.ts";
import { ReadingHistoryTable } from "./ReadingHistoryTable.tsx";

const texts = {
  loading: "Загружаем показания…",
  failed: "Не удалось загрузить историю показаний.",
  empty: "За выбранный период показаний нет.",
};

/** «История» → «Показания»: the readings of all the account's meters for a period the customer picks. */
export function ReadingHistoryPanel({ accountId, accountNumber, today }: HistoryPanelProps) {
  return (
    <PeriodHistory
      today={today}
      rows={(period) => readingHistoryQueryOptions(accountId, period)}
      texts={texts}
      file={(rows, shown) => readingsFile(rows, accountNumber, shown)}
    >
      {(readings, busy) => <ReadingHistoryTable readings={readings} busy={busy} />}
    </PeriodHistory>
  );
}
