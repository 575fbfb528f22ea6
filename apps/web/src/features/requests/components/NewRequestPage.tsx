import type { AccountDetails } from "@lk/contract/accounts";
import { ServiceRequestKind } from "@lk/contract/requests";
import { TARIFF_PLANS } from "@lk/domain";
import { Link, useNavigate, useSearchParams } from "react-router";
import { RequestForm } from "./RequestForm.tsx";

/** «Реквизиты ЛС» → «Изменить»: a request to change the account's details, with documents. */
export function NewRequestPage({ account }: { account: AccountDetails }) {
  const navigate = useNavigate();
  // «Сменить тариф» links here with the service and the plan chosen: `?kind=TARIFF&plan=TWO_ZONE`.
  const [search] = useSearchParams();
  const kind = ServiceRequestKind.safeParse(search.get("kind"));
  const plan = TARIFF_PLANS.find((p) => p === search.get("plan"));
  const initial = kind.success ? { kind: kind.data, ...(plan ? { tariffPlan: plan } : {}) } : undefined;
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
          initial={initial}
          onCreated={(request) =>
            navigate(`/accounts/${account.id}/requests/${request.id}`, { state: { created: request.number } })
          }
        />
      </div>
    </section>
  );
}
