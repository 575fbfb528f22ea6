import { type ReactNode, useState } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { type Period, useReadingHistory } from "../api/get-reading-history.ts";
import { DEFAULT_PERIOD_MONTHS, periodBack } from "../period.ts";
import { PeriodFilter } from "./PeriodFilter.tsx";
import { ReadingHistoryTable } from "./ReadingHistoryTable.tsx";

/** «История» → «Показания»: the readings of all the account's meters for a period the customer picks. */
export function ReadingHistoryPanel({ accountId, today }: { accountId: string; today: string }) {
  const [period, setPeriod] = useState<Period>(() => periodBack(DEFAULT_PERIOD_MONTHS, today));
  const history = useReadingHistory(accountId, period);
  const fieldErrors = history.error instanceof ApiError ? history.error.fields : [];

  let results: ReactNode;
  if (history.isPending) {
    results = <Spinner label="Загружаем показания…" />;
  } else if (history.isError) {
    // A period the server refused is named on its field; anything else gets a retry.
    results = fieldErrors.length ? null : (
      <div className="card__error">
        <Alert>Не удалось загрузить историю показаний. {history.error.message}</Alert>
        <Button variant="secondary" pending={history.isFetching} onClick={() => history.refetch()}>
          Повторить
        </Button>
      </div>
    );
  } else if (history.data.length === 0) {
    results = <p className="card__muted">За выбранный период показаний нет.</p>;
  } else {
    results = <ReadingHistoryTable readings={history.data} busy={history.isFetching} />;
  }

  return (
    <div className="reading-history">
      <PeriodFilter today={today} applied={period} onApply={setPeriod} serverErrors={fieldErrors} />
      {results}
    </div>
  );
}
