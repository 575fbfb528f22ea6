import type { MeterReadingState } from "@lk/contract/readings";
import { Suspense, useId } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { lazyWithPreload } from "../../../lib/lazy-with-preload.ts";

// The form (and the form library) comes right after the account page's first screen.
const ReadingForm = lazyWithPreload(
  () => import("./ReadingForm.tsx"),
  (m) => m.ReadingForm,
);

interface Props {
  accountId: string;
  meter: MeterReadingState;
  onSubmitted?: () => unknown;
}

/**
 * One meter: a meter on АСКУЭ needs no form (readings arrive by themselves), a faulty one cannot take
 * any (the supplier must replace it); out of the window the form stays, read-only, with the dates.
 */
export function MeterReadings({ accountId, meter, onSubmitted }: Props) {
  const titleId = useId();
  const code = meter.refusal?.code;
  return (
    <section className="reading-meter" aria-labelledby={titleId}>
      <h3 id={titleId} className="reading-meter__title">
        Счётчик {meter.model}, № {meter.serialNumber}
      </h3>
      {code === "METER_AUTOMATED" ? (
        <Alert tone="info">{meter.refusal?.message}</Alert>
      ) : code === "METER_FAULTY" ? (
        <Alert>{meter.refusal?.message}</Alert>
      ) : (
        <Suspense fallback={<Spinner label="Загружаем форму показаний…" />}>
          <ReadingForm
            accountId={accountId}
            meter={meter}
            closedMessage={meter.accepts ? null : (meter.refusal?.message ?? "Показания сейчас не принимаются.")}
            onSubmitted={onSubmitted}
          />
        </Suspense>
      )}
    </section>
  );
}
