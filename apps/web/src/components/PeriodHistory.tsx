import { CSV_TYPE } from "@lk/domain";
import { keepPreviousData, type QueryKey, type UseQueryOptions, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { ApiError } from "../lib/api-client.ts";
import { useDeferredQuery } from "../lib/deferred-query.ts";
import { downloadText } from "../lib/download.ts";
import { DEFAULT_PERIOD_MONTHS, type Period, periodBack } from "../lib/period.ts";
import { PeriodFilter } from "./PeriodFilter.tsx";
import { QueryFailed } from "./QueryFailed.tsx";
import { Button } from "./ui/Button.tsx";
import { Spinner } from "./ui/PageLoader.tsx";

/** What each tab of «История» is given by the card. */
export interface HistoryPanelProps {
  accountId: string;
  accountNumber: string;
  /** `YYYY-MM-DD`, Moscow. */
  today: string;
}

interface Props<TData, T, TKey extends QueryKey> {
  /** `YYYY-MM-DD`, Moscow. */
  today: string;
  /** The query of a period's rows (its feature's `queryOptions`). */
  rows: (period: Period) => UseQueryOptions<TData, Error, T[], TKey>;
  texts: { loading: string; failed: string; empty: string };
  /** «Скачать CSV» of the rows shown: the file's name and text (none: no button). */
  file?: (rows: T[], period: Period) => { filename: string; text: string };
  children: (rows: T[], busy: boolean) => ReactNode;
}

/**
 * One tab of «История»: the period filter (the last DEFAULT_PERIOD_MONTHS until another is
 * applied), then the table, or what there is instead of one.
 */
export function PeriodHistory<TData, T, TKey extends QueryKey>({
  today,
  rows,
  texts,
  file,
  children,
}: Props<TData, T, TKey>) {
  const [period, setPeriod] = useState<Period>(() => periodBack(DEFAULT_PERIOD_MONTHS, today));
  // The previous period's rows stay while the next one loads, instead of a blank card.
  const query = useDeferredQuery(useQuery({ ...rows(period), placeholderData: keepPreviousData }));
  const fieldErrors = query.error instanceof ApiError ? query.error.fields : [];
  let results: ReactNode;
  if (query.isPending) {
    results = <Spinner label={texts.loading} />;
  } else if (query.isError) {
    // A period the server refused is named on its field; anything else gets a retry.
    results = fieldErrors.length ? null : <QueryFailed what={texts.failed} query={query} />;
  } else if (query.data.length === 0) {
    results = <p className="card__muted">{texts.empty}</p>;
  } else {
    const rows = query.data;
    const download = () => {
      const { filename, text } = file?.(rows, period) ?? { filename: "", text: "" };
      downloadText(filename, text, CSV_TYPE);
    };
    results = (
      <>
        {file ? (
          <div className="period-history__actions">
            {/* While another period loads, the rows shown are the previous one's: wait for the new. */}
            <Button variant="secondary" onClick={download} disabled={query.isFetching}>
              Скачать CSV
            </Button>
          </div>
        ) : null}
        {children(rows, query.isFetching)}
      </>
    );
  }
  return (
    <div className="period-history">
      <PeriodFilter today={today} applied={period} onApply={setPeriod} serverErrors={fieldErrors} />
      {results}
    </div>
  );
}
