import type { ReadingsState } from "@lk/contract/readings";
import { QueryFailed } from "../../../components/QueryFailed.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { formatIsoDate } from "../../../lib/dates.ts";
import { useDeferredQuery } from "../../../lib/deferred-query.ts";
import { useReadingsState } from "../api/get-readings-state.ts";
import { MeterReadings } from "./MeterReadings.tsx";

const dayOf = (isoDate: string) => Number(isoDate.slice(8, 10));

/** The window as the server gives it: until when it is open, or when the next one opens. */
function WindowNotice({ window }: { window: ReadingsState["window"] }) {
  if (window.open) {
    return (
      <p className="reading-window reading-window--open">
        {`Приём показаний открыт до ${formatIsoDate(window.to)} (осталось дней: ${window.daysLeft ?? 1})`}
      </p>
    );
  }
  return (
    <p className="reading-window reading-window--closed">
      {`Показания принимаются с ${dayOf(window.from)} по ${dayOf(window.to)} число. Следующий период: ${formatIsoDate(window.from)} – ${formatIsoDate(window.to)}`}
    </p>
  );
}

interface Props {
  accountId: string;
  /** After a reading is saved, for what other blocks of the page show (the meters' last readings). */
  onSubmitted?: () => unknown;
  /** False: the data is asked for later (after the page's first paint), a spinner meanwhile. */
  enabled?: boolean;
}

/** SPEC §5 «Передать показания»: the window, then a form for each meter that accepts readings. */
export function ReadingsCard({ accountId, onSubmitted, enabled = true }: Props) {
  const state = useDeferredQuery(useReadingsState(accountId, { enabled }));
  return (
    <section className="card readings-card" aria-labelledby="readings-title">
      <h2 id="readings-title" className="card__title">
        Передать показания
      </h2>
      {state.isPending ? (
        <Spinner label="Загружаем данные счётчиков…" />
      ) : state.isError ? (
        <QueryFailed what="Не удалось загрузить данные для передачи показаний." query={state} />
      ) : (
        <>
          <WindowNotice window={state.data.window} />
          {state.data.meters.length === 0 ? (
            <p className="card__muted">Приборов учёта на этом лицевом счёте нет.</p>
          ) : (
            <div className="reading-meters">
              {state.data.meters.map((meter) => (
                <MeterReadings key={meter.meterId} accountId={accountId} meter={meter} onSubmitted={onSubmitted} />
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
