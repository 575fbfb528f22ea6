import { Spinner } from "../components/ui/PageLoader.tsx";
import { Tabs } from "../components/ui/Tabs.tsx";
import { BillHistoryPanel } from "../features/payments/components/BillHistoryPanel.tsx";
import { PaymentHistoryPanel } from "../features/payments/components/PaymentHistoryPanel.tsx";
import { useReadingsState } from "../features/readings/api/get-readings-state.ts";
import { ReadingHistoryPanel } from "../features/readings/components/ReadingHistoryPanel.tsx";
import { moscowToday } from "../lib/period.ts";

/**
 * «История»: «Показания» (the readings feature's), «Оплаты» and «Счета» (the payments feature's),
 * composed here so that neither feature imports the other.
 */
export function HistoryCard({ accountId, accountNumber }: { accountId: string; accountNumber: string }) {
  const state = useReadingsState(accountId);
  // "Today" is the server's (the mock's date in mock mode); the device's clock only if the server cannot say.
  const today = state.isPending ? null : moscowToday(state.data ? new Date(state.data.now) : new Date());
  const waiting = (label: string) => <Spinner label={label} />;
  return (
    <section className="card history-card" aria-labelledby="history-title">
      <h2 id="history-title" className="card__title">
        История
      </h2>
      <Tabs
        labelledBy="history-title"
        tabs={[
          {
            id: "readings",
            label: "Показания",
            panel: today ? (
              <ReadingHistoryPanel accountId={accountId} accountNumber={accountNumber} today={today} />
            ) : (
              waiting("Загружаем историю показаний…")
            ),
          },
          {
            id: "payments",
            label: "Оплаты",
            panel: today ? (
              <PaymentHistoryPanel accountId={accountId} accountNumber={accountNumber} today={today} />
            ) : (
              waiting("Загружаем оплаты…")
            ),
          },
          {
            id: "bills",
            label: "Счета",
            panel: today ? (
              <BillHistoryPanel accountId={accountId} accountNumber={accountNumber} today={today} />
            ) : (
              waiting("Загружаем счета…")
            ),
          },
        ]}
      />
    </section>
  );
}
