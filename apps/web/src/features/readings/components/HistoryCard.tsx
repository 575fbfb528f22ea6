import { Spinner } from "../../../components/ui/PageLoader.tsx";
import { Tabs } from "../../../components/ui/Tabs.tsx";
import { useReadingsState } from "../api/get-readings-state.ts";
import { moscowToday } from "../period.ts";
import { ReadingHistoryPanel } from "./ReadingHistoryPanel.tsx";

function SoonPanel() {
  return <p className="card__muted">Скоро: раздел появится в следующем обновлении.</p>;
}

/** «История»: «Показания» now; «Оплаты» and «Счета» have their tabs already, and say they are coming. */
export function HistoryCard({ accountId }: { accountId: string }) {
  const state = useReadingsState(accountId);
  // "Today" is the server's (the mock's date in mock mode); the device's clock only if the server cannot say.
  const today = state.isPending ? null : moscowToday(state.data ? new Date(state.data.now) : new Date());
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
              <ReadingHistoryPanel accountId={accountId} today={today} />
            ) : (
              <Spinner label="Загружаем историю показаний…" />
            ),
          },
          { id: "payments", label: "Оплаты", panel: <SoonPanel /> },
          { id: "bills", label: "Счета", panel: <SoonPanel /> },
        ]}
      />
    </section>
  );
}
