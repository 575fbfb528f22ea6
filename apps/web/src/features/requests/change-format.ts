import type { AccountDetails } from "@lk/contract/accounts";
import type { ServiceRequestChange, ServiceRequestKind } from "@lk/contract/requests";
import { TARIFF_PLAN_NAMES, type TariffPlan } from "@lk/domain";
import { formatArea } from "../../lib/meter-format.ts";

/** The account's facts a request may change (the names the API uses in `change` and `previous`). */
export type FactKey = "ownerName" | "residents" | "rooms" | "totalArea" | "livingArea" | "tariffPlan";
export type AccountFacts = Pick<AccountDetails, FactKey>;

export const factLabels: Record<FactKey, string> = {
  ownerName: "Собственник (ФИО)",
  residents: "Количество проживающих",
  rooms: "Количество комнат",
  totalArea: "Общая площадь",
  livingArea: "Жилая площадь",
  tariffPlan: "Тариф",
};

/** Which facts each service changes, in the order the form asks for them. */
export const factsOfKind: Record<ServiceRequestKind, FactKey[]> = {
  OWNER: ["ownerName"],
  RESIDENTS: ["residents"],
  ROOMS: ["rooms"],
  AREA: ["totalArea", "livingArea"],
  TARIFF: ["tariffPlan"],
};

/** `54.30` → «54,3 м²», `3` → «3», a name as it is. */
export function formatFact(key: FactKey, value: string | number | undefined): string {
  if (value === undefined || value === "") return "—";
  if (key === "tariffPlan") return TARIFF_PLAN_NAMES[value as TariffPlan] ?? String(value);
  if (key === "totalArea" || key === "livingArea") {
    return `${formatArea(value)} м²`;
  }
  return String(value);
}

export interface ChangeRow {
  key: FactKey;
  label: string;
  previous: string;
  requested: string;
  /** What the account holds now (the operator's screen): it may differ from `previous`. */
  current?: string;
}

/** A request's change as rows: what it was when filed, what is asked for, and (optionally) what is now. */
export function changeRows(
  change: ServiceRequestChange,
  previous: Record<string, string | number>,
  current?: AccountFacts,
): ChangeRow[] {
  const requested = change as Partial<Record<FactKey, string | number>>;
  return factsOfKind[change.kind].map((key) => ({
    key,
    label: factLabels[key],
    previous: formatFact(key, previous[key]),
    requested: formatFact(key, requested[key]),
    current: current ? formatFact(key, current[key]) : undefined,
  }));
}

/** 12 345 bytes → «12 КБ»; sizes as a file manager shows them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} КБ`;
  return `${(bytes / 1024 / 1024).toLocaleString("ru-RU", { maximumFractionDigits: 1 })} МБ`;
}
