import { useId } from "react";
import { type ConsumptionView, cellText, type MonthRow } from "../consumption-months.ts";

const cellClass = (row: Pick<MonthRow, "status">) =>
  row.status === "ACTUAL" ? undefined : `consumption-table__${row.status.toLowerCase()}`;

/** The chart's numbers as a real table (SPEC §11: for screen readers and copying); on a phone it scrolls in its own box. */
export function ConsumptionTable({ view, compare, busy }: { view: ConsumptionView; compare: boolean; busy: boolean }) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0} aria-busy={busy || undefined}>
      <table className="data-table consumption-table">
        <caption id={captionId} className="data-table__caption">
          Потребление по месяцам, кВт·ч
        </caption>
        <thead>
          <tr>
            <th scope="col">Месяц</th>
            {view.zones.map(({ zone, name }) => (
              <th key={zone} scope="col" className="data-table__number">
                {name}
              </th>
            ))}
            <th scope="col" className="data-table__number">
              Всего
            </th>
            {compare ? (
              <th scope="col" className="data-table__number">
                {view.year - 1}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.month}>
              <th scope="row">{row.name}</th>
              {view.zones.map(({ zone }) => (
                <td key={zone} className={`data-table__number ${cellClass(row) ?? ""}`.trim()}>
                  {cellText(row.status, row.zones[zone] ?? 0)}
                </td>
              ))}
              <td className={`data-table__number consumption-table__total ${cellClass(row) ?? ""}`.trim()}>
                {cellText(row.status, row.total)}
              </td>
              {compare ? (
                <td className={`data-table__number ${cellClass(row.previous) ?? ""}`.trim()}>
                  {cellText(row.previous.status, row.previous.total)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
