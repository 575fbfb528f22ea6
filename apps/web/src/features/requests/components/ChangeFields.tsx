import type { AccountDetails } from "@lk/contract/accounts";
import type { ServiceRequestKind } from "@lk/contract/requests";
import { TextField } from "../../../components/ui/TextField.tsx";
import { type AccountFacts, type FactKey, factsOfKind, formatFact } from "../change-format.ts";
import type { FormErrors, RequestFormValues } from "../request-form.ts";
import { TariffChoice } from "./TariffChoice.tsx";

interface Props {
  kind: ServiceRequestKind;
  values: RequestFormValues;
  current: AccountFacts;
  meters: AccountDetails["meters"];
  errors: FormErrors;
  onChange: (key: FactKey, value: string) => void;
}

const fieldProps: Record<
  Exclude<FactKey, "tariffPlan">,
  { label: string; inputMode?: "numeric" | "decimal"; autoComplete?: string }
> = {
  ownerName: { label: "ФИО нового собственника", autoComplete: "off" },
  residents: { label: "Количество проживающих", inputMode: "numeric" },
  rooms: { label: "Количество комнат", inputMode: "numeric" },
  totalArea: { label: "Общая площадь, м²", inputMode: "decimal" },
  livingArea: { label: "Жилая площадь, м²", inputMode: "decimal" },
};

/** The new values of the chosen service, each with what the account holds now beside it. */
export function ChangeFields({ kind, values, current, meters, errors, onChange }: Props) {
  return (
    <div className="change-fields">
      {factsOfKind[kind].map((key) =>
        key === "tariffPlan" ? (
          <TariffChoice
            key={key}
            value={values.tariffPlan}
            current={current.tariffPlan}
            meters={meters}
            error={errors.tariffPlan}
            onChange={(plan) => onChange(key, plan)}
          />
        ) : (
          <TextField
            key={key}
            id={`change-${key}`}
            name={key}
            {...fieldProps[key]}
            hint={`Сейчас: ${formatFact(key, current[key])}${key.endsWith("Area") ? ". Дробную часть отделите запятой: 54,3." : ""}`}
            value={values[key]}
            error={errors[key]}
            onChange={(event) => onChange(key, event.target.value)}
          />
        ),
      )}
    </div>
  );
}
