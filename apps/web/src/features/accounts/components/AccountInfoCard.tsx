import type { AccountDetails } from "@lk/contract/accounts";
import { TARIFF_PLAN_NAMES } from "@lk/domain";
import type { ReactNode } from "react";
import { formatArea } from "../../../lib/meter-format.ts";

/**
 * «Реквизиты ЛС» → «Общая информация»: the account's details as the supplier holds them. They
 * change only by a request (SPEC §10), which `children` offers («Изменить», «Мои заявки»).
 */
export function AccountInfoCard({ account, children }: { account: AccountDetails; children?: ReactNode }) {
  return (
    <section className="card requisites-card" aria-labelledby="requisites-title">
      <h2 id="requisites-title" className="card__title">
        Реквизиты ЛС
      </h2>
      <h3 id="general-info-title" className="requisites-card__subtitle">
        Общая информация
      </h3>
      <dl className="details" aria-labelledby="general-info-title">
        <dt>Владелец</dt>
        <dd>{account.ownerName}</dd>
        <dt>Адрес</dt>
        <dd>{account.address}</dd>
        <dt>Тариф</dt>
        <dd>{TARIFF_PLAN_NAMES[account.tariffPlan]}</dd>
        <dt>Проживает</dt>
        <dd>{account.residents} чел.</dd>
        <dt>Комнат</dt>
        <dd>{account.rooms}</dd>
        <dt>Общая площадь</dt>
        <dd>{formatArea(account.totalArea)} м²</dd>
        <dt>Жилая площадь</dt>
        <dd>{formatArea(account.livingArea)} м²</dd>
      </dl>
      {children}
    </section>
  );
}
