import type { ReadingHistoryItem } from "@lk/contract/readings";
import { useId } from "react";
import { formatMoscowDate } from "../../../lib/dates.ts";
import { formatReadingValues, readingSourceLabel, readingStatusLabel } from "../reading-labels.ts";

/** The readings as a real table; on a phone it scrolls inside its own box, not the page. */
export function ReadingHistoryTable({ readings, busy }: { readings: ReadingHistoryItem[]; busy: boolean }) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0} aria-busy={busy || undefined}>
      <table className="data-table">
        <caption id={captionId} className="data-table__caption">
          Показания за период
        </caption>
        <thead>
          <tr>
            <th scope="col">Дата</th>
            <th scope="col">Счётчик</th>
            <th scope="col">Показания</th>
            <th scope="col">Источник</th>
            <th scope="col">Статус</th>
          </tr>
        </thead>
        <tbody>
          {readings.map((reading) => (
            <tr key={reading.id} className={reading.status === "REPLACED" ? "data-table__row--replaced" : undefined}>
              <td className="data-table__nowrap">{formatMoscowDate(reading.takenAt)}</td>
              <td className="data-table__nowrap">№ {reading.serialNumber}</td>
              <td>{formatReadingValues(reading.values)}</td>
              <td>
                <span className={`reading-source reading-source--${reading.source.toLowerCase()}`}>
                  {readingSourceLabel[reading.source]}
                </span>
              </td>
              <td>{readingStatusLabel[reading.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
