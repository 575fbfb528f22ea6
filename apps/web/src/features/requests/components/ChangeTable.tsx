import type { ChangeRow } from "../change-format.ts";

/** What the request changes: the value when it was filed, the new one, and (for the operator) the account's now. */
export function ChangeTable({ rows, caption }: { rows: ChangeRow[]; caption: string }) {
  const withCurrent = rows.some((row) => row.current !== undefined);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="data-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Сведение</th>
            {withCurrent ? <th scope="col">Сейчас на счёте</th> : null}
            <th scope="col">Было при подаче</th>
            <th scope="col">Новое значение</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {withCurrent ? <td>{row.current}</td> : null}
              <td>{row.previous}</td>
              <td className="change-table__new">{row.requested}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
