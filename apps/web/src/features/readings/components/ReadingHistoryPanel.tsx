import { useState } from "react";
import { PeriodHistory } from "../../../components/PeriodHistory.tsx";
import { DEFAULT_PERIOD_MONTHS, type Period, periodBack } from "../../../lib/period.ts";
import { useReadingHistory } from "../api/get-reading-history.ts";
import { readingsFile } from "../readings-csv.ts";
import { ReadingHistoryTable } from "./ReadingHistoryTable.tsx";

const texts = {
  loading: "Загружаем показания…",
  failed: "Не удалось загрузить историю показаний.",
  empty: "За выбранный период показаний нет.",
};

/** «История» → «Показания»: the readings of all the account's meters for a period the customer picks. */
export function ReadingHistoryPanel({
  accountId,
  accountNumber,
  today,
}: {
  accountId: string;
  accountNumber: string;
  today: string;
}) {
  const [period, setPeriod] = useState<Period>(() => periodBack(DEFAULT_PERIOD_MONTHS, today));
  const history = useReadingHistory(accountId, period);
  return (
    <PeriodHistory
      today={today}
      period={period}
      onPeriod={setPeriod}
      query={history}
      texts={texts}
      file={(rows, shown) => readingsFile(rows, accountNumber, shown)}
    >
      {(readings, busy) => <ReadingHistoryTable readings={readings} busy={busy} />}
    </PeriodHistory>
  );
}
