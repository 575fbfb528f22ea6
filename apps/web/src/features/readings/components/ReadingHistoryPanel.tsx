import { useState } from "react";
import { PeriodHistory } from "../../../components/PeriodHistory.tsx";
import { DEFAULT_PERIOD_MONTHS, type Period, periodBack } from "../../../lib/period.ts";
import { useReadingHistory } from "../api/get-reading-history.ts";
import { ReadingHistoryTable } from "./ReadingHistoryTable.tsx";

const texts = {
  loading: "Загружаем показания…",
  failed: "Не удалось загрузить историю показаний.",
  empty: "За выбранный период показаний нет.",
};

/** «История» → «Показания»: the readings of all the account's meters for a period the customer picks. */
export function ReadingHistoryPanel({ accountId, today }: { accountId: string; today: string }) {
  const [period, setPeriod] = useState<Period>(() => periodBack(DEFAULT_PERIOD_MONTHS, today));
  const history = useReadingHistory(accountId, period);
  return (
    <PeriodHistory today={today} period={period} onPeriod={setPeriod} query={history} texts={texts}>
      {(readings, busy) => <ReadingHistoryTable readings={readings} busy={busy} />}
    </PeriodHistory>
  );
}
