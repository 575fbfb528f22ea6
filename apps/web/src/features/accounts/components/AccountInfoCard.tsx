import type { AccountDetails } from "@lk/contract";
import { formatArea } from "../meters.ts";

const TARIFF_NAMES: Record<AccountDetails["tariffPlan"], string> = {
  SINGLE: "одноставочный",
  TWO_ZONE: "двухзонный (день / ночь)",
  THREE_ZONE: "трёхзонный (пик / полупик / ночь)",
};

/** The account's details as the supplier holds them (changed only by a request, SPEC §10). */
export function AccountInfoCard({ account }: { account: AccountDetails }) {
  return (
    <section className="card" aria-labelledby="info-title">
      <h2 id="info-title" className="card__title">
        Сведения о лицевом счёте
      </h2>
      <dl className="details">
        <dt>Владелец</dt>
        <dd>{account.ownerName}</dd>
        <dt>Адрес</dt>
        <dd>{account.address}</dd>
        <dt>Тариф</dt>
        <dd>{TARIFF_NAMES[account.tariffPlan]}</dd>
        <dt>Проживает</dt>
        <dd>{account.residents} чел.</dd>
        <dt>Комнат</dt>
        <dd>{account.rooms}</dd>
        <dt>Общая площадь</dt>
        <dd>{formatArea(account.totalArea)} м²</dd>
        <dt>Жилая площадь</dt>
        <dd>{formatArea(account.livingArea)} м²</dd>
      </dl>
    </section>
  );
}
