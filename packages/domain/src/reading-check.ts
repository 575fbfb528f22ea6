import { formatMilli, parseMeterValue } from "./meter-values.ts";
import type { ReadingWindow } from "./reading-window.ts";

export type Zone = "T1" | "T2" | "T3";

export interface MeterRule {
  zones: Zone[];
  digitCapacity: number;
  decimalPlaces: number;
  automated: boolean;
  faulty: boolean;
}

export interface ReadingCheckInput {
  meter: MeterRule;
  window: ReadingWindow;
  /** The last reading before this window, per zone in thousandths; null for a new meter. */
  previous: Partial<Record<Zone, number>> | null;
  /** Whole months between the previous reading and now (at least 1 is assumed). */
  monthsSincePrevious: number;
  /** The account's average monthly use over all zones, thousandths; null when unknown. */
  averageMonthlyMilli: number | null;
  values: Partial<Record<Zone, string>>;
  confirmRollover?: boolean;
  confirmLargeJump?: boolean;
}

export type RefusalCode = "METER_AUTOMATED" | "METER_FAULTY" | "WINDOW_CLOSED";
export type WarningCode = "ROLLOVER" | "LARGE_JUMP";

export type ReadingCheck =
  | { kind: "refused"; code: RefusalCode; message: string }
  | { kind: "invalid"; fields: { path: string; message: string }[] }
  | { kind: "confirm"; warnings: { code: WarningCode; message: string }[] }
  | { kind: "ok"; values: Partial<Record<Zone, number>>; consumption: Partial<Record<Zone, number>> };

export const ZONE_LABEL: Record<Zone, string> = { T1: "Т1", T2: "Т2", T3: "Т3" };
/** How big a jump is "implausible": this many times the usual monthly use. */
export const LARGE_JUMP_FACTOR = 3;

/** How many of the latest bills make the "usual" monthly use. */
export const USUAL_USE_BILLS = 12;

/**
 * The usual monthly use of one meter, thousandths of a kWh: what the latest `USUAL_USE_BILLS`
 * bills charged in all, per bill and per meter of the account. Null without bills (a new account):
 * then no jump is called implausible.
 */
export function usualMonthlyMilli(latestBills: { totalMilli: number; bills: number }, meters: number): number | null {
  if (latestBills.bills === 0) return null;
  return Math.round(latestBills.totalMilli / latestBills.bills / Math.max(1, meters));
}

const kwh = (milli: number) => new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(milli / 1000);
const ruDate = (iso: string) => iso.split("-").reverse().join(".");

/** Why a meter accepts no reading now, if it does not: the reason the customer is shown. */
export function meterRefusal(meter: MeterRule, window: ReadingWindow): { code: RefusalCode; message: string } | null {
  if (meter.automated) {
    return {
      code: "METER_AUTOMATED",
      message: "Счётчик подключён к АСКУЭ: показания передаются автоматически, вносить их не нужно.",
    };
  }
  if (meter.faulty) {
    return {
      code: "METER_FAULTY",
      message:
        "Прибор учёта неисправен, показания по нему не принимаются. Обратитесь к поставщику для замены или поверки.",
    };
  }
  if (!window.open) {
    return {
      code: "WINDOW_CLOSED",
      message: `Показания принимаются с 15 по 26 число каждого месяца. Следующий период: ${ruDate(window.from)} – ${ruDate(window.to)}.`,
    };
  }
  return null;
}

/**
 * SPEC §5 in one place: what the customer typed for each zone against the meter and the last
 * reading. Errors they may not override come back as `invalid`; a rollover past the capacity and
 * an implausible jump as warnings to confirm.
 */
export function checkReading(input: ReadingCheckInput): ReadingCheck {
  const refusal = meterRefusal(input.meter, input.window);
  if (refusal) return { kind: "refused", ...refusal };

  const { meter } = input;
  const capacity = 10 ** meter.digitCapacity * 1000;
  const fields: { path: string; message: string }[] = [];
  const values: Partial<Record<Zone, number>> = {};
  const consumption: Partial<Record<Zone, number>> = {};
  const rolledOver: Zone[] = [];

  for (const zone of Object.keys(input.values) as Zone[]) {
    if (!meter.zones.includes(zone))
      fields.push({ path: `values.${zone}`, message: `У этого счётчика нет зоны ${ZONE_LABEL[zone]}.` });
  }
  for (const zone of meter.zones) {
    const path = `values.${zone}`;
    const raw = input.values[zone]?.trim() ?? "";
    if (!raw) {
      fields.push({ path, message: `Введите показание зоны ${ZONE_LABEL[zone]}.` });
      continue;
    }
    const parsed = parseMeterValue(raw);
    if (!parsed) {
      fields.push({ path, message: "Введите число без знаков, например 12345,6." });
      continue;
    }
    if (parsed.decimals > meter.decimalPlaces) {
      fields.push({
        path,
        message:
          meter.decimalPlaces === 0
            ? "Введите целое число: у счётчика нет знаков после запятой."
            : `Не больше ${meter.decimalPlaces} знак(а) после запятой.`,
      });
      continue;
    }
    if (parsed.milli >= capacity) {
      fields.push({ path, message: `На счётчике не больше ${meter.digitCapacity} цифр до запятой.` });
      continue;
    }
    values[zone] = parsed.milli;
    const before = input.previous?.[zone];
    if (before === undefined) {
      consumption[zone] = 0;
    } else if (parsed.milli >= before) {
      consumption[zone] = parsed.milli - before;
    } else if (before >= capacity * 0.9 && parsed.milli <= capacity * 0.1) {
      // Past the last digit the counter starts again from zero.
      rolledOver.push(zone);
      consumption[zone] = capacity - before + parsed.milli;
    } else {
      fields.push({
        path,
        message: `Показание меньше предыдущего (${formatMilli(before, meter.decimalPlaces).replace(".", ",")}). Проверьте цифры.`,
      });
    }
  }
  if (fields.length) return { kind: "invalid", fields };

  const warnings: { code: WarningCode; message: string }[] = [];
  if (rolledOver.length && !input.confirmRollover) {
    warnings.push({
      code: "ROLLOVER",
      message: `Показание ${rolledOver.map((z) => ZONE_LABEL[z]).join(", ")} меньше предыдущего: похоже, счётчик дошёл до ${"9".repeat(meter.digitCapacity)} и начал с нуля. Подтвердите, если это так.`,
    });
  }
  const total = Object.values(consumption).reduce((a, b) => a + (b ?? 0), 0);
  const expected = (input.averageMonthlyMilli ?? 0) * Math.max(1, input.monthsSincePrevious);
  if (expected > 0 && total > LARGE_JUMP_FACTOR * expected && !input.confirmLargeJump) {
    warnings.push({
      code: "LARGE_JUMP",
      message: `Расход ${kwh(total)} кВт·ч — более чем втрое выше обычного для вас (около ${kwh(expected)} кВт·ч). Проверьте показание и подтвердите, если оно верно.`,
    });
  }
  if (warnings.length) return { kind: "confirm", warnings };
  return { kind: "ok", values, consumption };
}
