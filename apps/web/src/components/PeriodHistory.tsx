import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "../lib/api-client.ts";
import type { Period } from "../lib/period.ts";
import { PeriodFilter } from "./PeriodFilter.tsx";
import { Alert } from "./ui/Alert.tsx";
import { Button } from "./ui/Button.tsx";
import { Spinner } from "./ui/PageLoader.tsx";

interface Props<T> {
  /** `YYYY-MM-DD`, Moscow. */
  today: string;
  period: Period;
  onPeriod: (period: Period) => void;
  /** The rows of the period shown (the previous period's stay while the next one loads). */
  query: UseQueryResult<T[]>;
  texts: { loading: string; failed: string; empty: string };
  children: (rows: T[], busy: boolean) => ReactNode;
}

/** One tab of «История»: the period filter, then the table, or what there is instead of one. */
export function PeriodHistory<T>({ today, period, onPeriod, query, texts, children }: Props<T>) {
  const fieldErrors = query.error instanceof ApiError ? query.error.fields : [];
  let results: ReactNode;
  if (query.isPending) {
    results = <Spinner label={texts.loading} />;
  } else if (query.isError) {
    // A period the server refused is named on its field; anything else gets a retry.
    results = fieldErrors.length ? null : (
      <div className="card__error">
        <Alert>
          {texts.failed} {query.error.message}
        </Alert>
        <Button variant="secondary" pending={query.isFetching} onClick={() => query.refetch()}>
          Повторить
        </Button>
      </div>
    );
  } else if (query.data.length === 0) {
    results = <p className="card__muted">{texts.empty}</p>;
  } else {
    results = children(query.data, query.isFetching);
  }
  return (
    <div className="period-history">
      <PeriodFilter today={today} applied={period} onApply={onPeriod} serverErrors={fieldErrors} />
      {results}
    </div>
  );
}
