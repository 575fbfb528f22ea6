import type { AccountDetails } from "@lk/contract/accounts";
import { Link, useNavigate } from "react-router";
import { RequestForm } from "./RequestForm.tsx";

/** «Реквизиты ЛС» → «Изменить»: a request to change the account's details, with documents. */
export function NewRequestPage({ account }: { account: AccountDetails }) {
  const navigate = useNavigate();
  return (
    <section className="page request-page" aria-labelledby="new-request-title">
      <p className="request-page__back">
        <Link to={`/accounts/${account.id}`}>← Лицевой счёт № {account.number}</Link>
      </p>
      <h1 id="new-request-title">Заявка на изменение сведений</h1>
      <p className="card__muted">
        Лицевой счёт № {account.number}, {account.address}. Сведения изменятся, когда оператор проверит заявку и
        документы; статус заявки виден в «Мои заявки».
      </p>
      <div className="card">
        <RequestForm
          account={account}
          onCreated={(request) =>
            navigate(`/accounts/${account.id}/requests/${request.id}`, { state: { created: request.number } })
          }
        />
      </div>
    </section>
  );
}
