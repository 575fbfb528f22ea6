import type { AccountDetails } from "@lk/contract/accounts";
import { meterReplacementNeeded, TARIFF_PLAN_NAMES, TARIFF_PLANS, type TariffPlan } from "@lk/domain";
import { ChoiceGroup } from "../../../components/ui/ChoiceGroup.tsx";

interface Props {
  value: string;
  current: TariffPlan;
  meters: AccountDetails["meters"];
  error?: string | undefined;
  onChange: (plan: TariffPlan) => void;
}

/** «Новый тариф»: the supplier's plans, the current one marked; a zoned plan the meter cannot count says so. */
export function TariffChoice({ value, current, meters, error, onChange }: Props) {
  const chosen = TARIFF_PLANS.find((plan) => plan === value);
  const replacement = chosen !== undefined && chosen !== current && meterReplacementNeeded(chosen, meters);
  const choices = TARIFF_PLANS.map((plan) => ({
    value: plan,
    title: `${TARIFF_PLAN_NAMES[plan].replace(/^./, (c) => c.toUpperCase())}${plan === current ? " — сейчас" : ""}`,
  }));
  return (
    <ChoiceGroup
      legend="Новый тариф"
      name="tariffPlan"
      choices={choices}
      value={value}
      error={error}
      onChange={onChange}
    >
      {replacement ? (
        <p className="alert alert--warning" role="status">
          Ваш счётчик не считает зоны тарифа «{TARIFF_PLAN_NAMES[chosen]}»: понадобится замена на многотарифный счётчик.
          Оператор свяжется с вами и подскажет порядок; если счётчик уже заменён, приложите его паспорт или акт ввода в
          эксплуатацию.
        </p>
      ) : null}
    </ChoiceGroup>
  );
}
