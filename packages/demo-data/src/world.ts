import { type AccountFacts, monthOf, monthStart } from "@lk/domain";
import { FEMALE_NAMES, MALE_NAMES, METER_MODELS, PATRONYMICS, STREETS, SURNAMES } from "./names.ts";
import { Random, seedFor } from "./random.ts";
import {
  type MeterZone,
  PLAN_ZONES,
  rateFor,
  SUPPLIERS,
  type SupplierSeed,
  type TariffPlan,
  type TariffSeed,
  tariffsFor,
} from "./suppliers.ts";

export type ReadingSource = "CUSTOMER" | "ASKUE" | "INSPECTOR" | "ESTIMATED";
export type PaymentStatus = "PROCESSING" | "ACCEPTED" | "DECLINED" | "REFUNDED";
export type PaymentChannel = "PORTAL" | "AUTOPAY" | "BANK" | "CASH";

/** A personal account: its facts a request may change (@lk/domain's AccountFacts), and the rest. */
export interface AccountSeed extends AccountFacts {
  id: string;
  supplierId: string;
  number: string;
  address: string;
  shortAddress: string;
  balanceKopecks: number;
  debtSince: string | null;
}

export interface MeterSeed {
  id: string;
  accountId: string;
  serialNumber: string;
  model: string;
  zones: MeterZone[];
  digitCapacity: number;
  decimalPlaces: number;
  installedAt: string;
  verificationDue: string;
  automated: boolean;
  faulty: boolean;
}

export interface ReadingSeed {
  id: string;
  meterId: string;
  takenAt: Date;
  source: ReadingSource;
  /** Per zone, in thousandths of a kWh (integers: no float drift). */
  values: Partial<Record<MeterZone, number>>;
}

export interface BillLineSeed {
  id: string;
  zone: MeterZone;
  /** Thousandths of a kWh. */
  kwhMilli: number;
  rateKopecks: number;
  amountKopecks: number;
}

export interface BillSeed {
  id: string;
  accountId: string;
  period: string;
  issuedAt: Date;
  dueDate: string;
  openingKopecks: number;
  chargesKopecks: number;
  totalKopecks: number;
  lines: BillLineSeed[];
}

export interface PaymentSeed {
  id: string;
  accountId: string;
  paidAt: Date;
  amountKopecks: number;
  status: PaymentStatus;
  channel: PaymentChannel;
}

export interface AccountBundle {
  account: AccountSeed;
  meters: MeterSeed[];
  readings: ReadingSeed[];
  bills: BillSeed[];
  payments: PaymentSeed[];
}

export interface WorldOptions {
  seed: number;
  /** The world's "today": history runs up to the month before it. */
  now: Date;
  /** Months of history (default 36). */
  months?: number;
}

export const DEFAULT_SEED = 20_261_125;

interface Profile {
  supplier: SupplierSeed;
  plan: TariffPlan;
  automated: boolean;
  faulty: boolean;
  meters: number;
}

/** The first accounts are the demo's showcase; the rest follow a pattern. */
const SHOWCASE: Partial<Record<number, Omit<Profile, "supplier"> & { supplier: number }>> = {
  0: { supplier: 0, plan: "SINGLE", automated: false, faulty: false, meters: 1 },
  1: { supplier: 0, plan: "TWO_ZONE", automated: false, faulty: false, meters: 1 },
  2: { supplier: 0, plan: "THREE_ZONE", automated: false, faulty: false, meters: 1 },
  3: { supplier: 0, plan: "SINGLE", automated: true, faulty: false, meters: 1 },
  4: { supplier: 0, plan: "SINGLE", automated: false, faulty: true, meters: 1 },
  5: { supplier: 1, plan: "TWO_ZONE", automated: false, faulty: false, meters: 1 },
  6: { supplier: 2, plan: "SINGLE", automated: false, faulty: false, meters: 2 },
};

function profileOf(index: number): Profile {
  const showcase = SHOWCASE[index];
  if (showcase) return { ...showcase, supplier: SUPPLIERS[showcase.supplier] as SupplierSeed };
  const supplierIndex = index % 5 < 3 ? 0 : index % 5 === 3 ? 1 : 2;
  const plans: TariffPlan[] = ["SINGLE", "SINGLE", "TWO_ZONE", "THREE_ZONE"];
  return {
    supplier: SUPPLIERS[supplierIndex] as SupplierSeed,
    plan: plans[index % 4] as TariffPlan,
    automated: index % 10 === 7,
    faulty: index % 13 === 11,
    meters: index % 9 === 4 ? 2 : 1,
  };
}

/** The account number of the N-th account, in its supplier's format. */
export function accountNumberOf(index: number): string {
  const { supplier } = profileOf(index);
  const n = String(index).padStart(8, "0");
  if (supplier.id === "mosenergosbyt") return `77${n}`;
  if (supplier.id === "tns-yaroslavl") return `7600${n}`;
  return `078-${n.slice(2)}`;
}

const ZONE_SHARE: Record<TariffPlan, Partial<Record<MeterZone, number>>> = {
  SINGLE: { T1: 1 },
  TWO_ZONE: { T1: 0.7, T2: 0.3 },
  THREE_ZONE: { T1: 0.3, T2: 0.25, T3: 0.45 },
};

// More light and heating in winter.
const SEASON = [1.35, 1.25, 1.1, 0.95, 0.85, 0.8, 0.8, 0.82, 0.9, 1.05, 1.2, 1.35];

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

// Time-zone arithmetic is slow next to the rest: each month is worked out once per process.
const monthStarts = new Map<string, number>();
function startOf(month: string): number {
  let start = monthStarts.get(month);
  if (start === undefined) {
    start = monthStart(month).getTime();
    monthStarts.set(month, start);
  }
  return start;
}
const nextMonths = new Map<string, string>();
function nextMonth(month: string): string {
  let next = nextMonths.get(month);
  if (next === undefined) {
    next = monthOf(monthStart(month, undefined, 1));
    nextMonths.set(month, next);
  }
  return next;
}
/** A Moscow-local moment in a month: day, hour (Moscow keeps no daylight saving time). */
const at = (month: string, day: number, hour: number) =>
  new Date(startOf(month) + (day - 1) * 86_400_000 + hour * 3_600_000);

/** When the bill for a month is issued: the 1st of the next month, 09:00 Moscow time. */
export const billIssuedAt = (period: string): Date => at(nextMonth(period), 1, 9);

/**
 * The bill issues either side of `now` (the last at or before it, the next after it): between
 * them the world built at any instant holds the same bills.
 */
export function billIssuesAround(now: Date): { last: Date; next: Date } {
  const month = monthOf(now);
  const thisMonths = at(month, 1, 9);
  if (thisMonths <= now) return { last: thisMonths, next: billIssuedAt(month) };
  return { last: billIssuedAt(monthOf(monthStart(month, undefined, -2))), next: thisMonths };
}

/** The months of history before `now`'s month, oldest first. */
function historyOf(options: WorldOptions): string[] {
  const months = options.months ?? 36;
  const current = monthOf(options.now);
  return Array.from({ length: months }, (_, i) => monthOf(monthStart(current, undefined, i - months)));
}
const dateInMonth = (month: string, day: number) => `${month}-${String(day).padStart(2, "0")}`;

export function tariffsOf(options: WorldOptions): TariffSeed[] {
  const months = options.months ?? 36;
  const first = monthOf(monthStart(monthOf(options.now), undefined, -months));
  const fromYear = Number(first.slice(0, 4)) - 1;
  const toYear = Number(monthOf(options.now).slice(0, 4));
  return SUPPLIERS.flatMap((s) => tariffsFor(s, fromYear, toYear));
}

/**
 * The N-th account with its meters, three years of readings, the bills they imply at the
 * supplier's tariffs, and the payments: the balance is what the bills and payments leave.
 */
export function generateAccount(
  index: number,
  options: WorldOptions,
  tariffs = tariffsOf(options),
  history = historyOf(options),
): AccountBundle {
  const random = new Random(seedFor(options.seed, index), `${options.seed}:${index}`);
  const profile = profileOf(index);
  const months = history.length;
  const accountId = random.uuid();

  const female = random.chance(0.55);
  const surname = random.pick(SURNAMES)[female ? 1 : 0];
  const first = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const patronymic = random.pick(PATRONYMICS)[female ? 1 : 0];
  const street = random.pick(STREETS);
  const house = random.int(1, 120);
  const flat = random.int(1, 300);
  const rooms = random.int(1, 4);
  const totalArea = (rooms * 17 + random.int(10, 30) + random.int(0, 9) / 10).toFixed(2);
  const shortAddress = `${street}, д. ${house}, кв. ${flat}`;

  const zones = PLAN_ZONES[profile.plan];
  const meters: MeterSeed[] = Array.from({ length: profile.meters }, (_, m) => {
    const digitCapacity = index === 1 ? 5 : random.pick([5, 6, 6]);
    const installedYear = Number(history[0]?.slice(0, 4)) - random.int(1, 8);
    return {
      id: random.uuid(),
      accountId,
      serialNumber: `${random.int(10, 99)}${String(random.int(0, 999999)).padStart(6, "0")}${m}`,
      model: random.pick(METER_MODELS[zones.length] ?? []),
      zones,
      digitCapacity,
      decimalPlaces: random.pick([1, 1, 2]),
      installedAt: `${installedYear}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`,
      verificationDue: `${installedYear + 16}-${String(random.int(1, 12)).padStart(2, "0")}-01`,
      automated: profile.automated,
      faulty: profile.faulty && m === 0,
    };
  });

  // Monthly use, in thousandths of a kWh, shared across meters and zones.
  const baseMilli = random.int(120, 380) * 1000 * (rooms > 2 ? 1.3 : 1);
  const readings: ReadingSeed[] = [];
  const consumption = new Map<string, Partial<Record<MeterZone, number>>>();
  for (const meter of meters) {
    const modulus = 10 ** meter.digitCapacity * 1000;
    const step = 10 ** (3 - meter.decimalPlaces);
    // Account 1's meter is close to its capacity, so it has rolled over in the history.
    let total: Partial<Record<MeterZone, number>> = Object.fromEntries(
      zones.map((z) => [z, index === 1 ? modulus - 2_000_000 : random.int(1000, 40000) * 1000]),
    );
    const faultyFrom = meter.faulty ? months - 4 : months;
    history.forEach((month, i) => {
      const monthIndex = Number(month.slice(5)) - 1;
      const used: Partial<Record<MeterZone, number>> = {};
      for (const zone of zones) {
        const share = ZONE_SHARE[profile.plan][zone] ?? 0;
        const raw = (baseMilli / meters.length) * (SEASON[monthIndex] ?? 1) * share * (0.85 + random.next() * 0.3);
        used[zone] = Math.round(raw / step) * step;
      }
      const acc = consumption.get(month) ?? {};
      for (const zone of zones) acc[zone] = (acc[zone] ?? 0) + (used[zone] ?? 0);
      consumption.set(month, acc);
      if (i >= faultyFrom) return; // A faulty meter stopped reporting; the bill uses the average.
      total = Object.fromEntries(zones.map((z) => [z, ((total[z] ?? 0) + (used[z] ?? 0)) % modulus]));
      const source: ReadingSource = meter.automated
        ? "ASKUE"
        : i % 12 === 5
          ? "INSPECTOR"
          : random.chance(0.1)
            ? "ESTIMATED"
            : "CUSTOMER";
      const takenAt = source === "ASKUE" ? at(month, 25, 23) : at(month, random.int(15, 25), random.int(8, 21));
      readings.push({ id: random.uuid(), meterId: meter.id, takenAt, source, values: { ...total } });
    });
  }

  // Bills for each month, issued on the 1st of the next one; payments follow them.
  const bills: BillSeed[] = [];
  const payments: PaymentSeed[] = [];
  let balance = 0;
  let debtSince: string | null = null;
  const channel: PaymentChannel = random.pick(["PORTAL", "BANK", "BANK", "CASH"]);
  for (const month of history) {
    const next = nextMonth(month);
    const used = consumption.get(month) ?? {};
    const lines = zones.map((zone) => {
      const kwhMilli = used[zone] ?? 0;
      const rateKopecks = rateFor(tariffs, profile.plan, zone, month);
      return {
        id: random.uuid(),
        zone,
        kwhMilli,
        rateKopecks,
        amountKopecks: Math.round((kwhMilli * rateKopecks) / 1000),
      };
    });
    const charges = lines.reduce((sum, l) => sum + l.amountKopecks, 0);
    const issuedAt = billIssuedAt(month);
    const bill: BillSeed = {
      id: random.uuid(),
      accountId,
      period: month,
      issuedAt,
      dueDate: dateInMonth(next, 10),
      openingKopecks: balance,
      chargesKopecks: charges,
      totalKopecks: balance + charges,
      lines,
    };
    if (issuedAt > options.now) break;
    bills.push(bill);
    balance = bill.totalKopecks;

    const paidAt = at(next, random.int(3, 20), random.int(9, 20));
    if (paidAt > options.now || balance <= 0) continue;
    const skip = random.chance(0.08);
    if (skip) {
      debtSince ??= bill.dueDate;
      continue;
    }
    if (random.chance(0.05)) {
      payments.push({
        id: random.uuid(),
        accountId,
        paidAt: new Date(paidAt.getTime() - 600_000),
        amountKopecks: balance,
        status: "DECLINED",
        channel,
      });
    }
    // Some customers round up and carry an overpayment.
    const amount = random.chance(0.15) ? Math.ceil(balance / 10_000) * 10_000 : balance;
    payments.push({ id: random.uuid(), accountId, paidAt, amountKopecks: amount, status: "ACCEPTED", channel });
    balance -= amount;
    debtSince = null;
  }

  const account: AccountSeed = {
    id: accountId,
    supplierId: profile.supplier.id,
    number: accountNumberOf(index),
    address: `${profile.supplier.city}, ${shortAddress}`,
    shortAddress,
    ownerName: `${surname} ${first} ${patronymic}`,
    residents: random.int(1, rooms + 2),
    rooms,
    totalArea,
    livingArea: (Number(totalArea) * 0.62).toFixed(2),
    tariffPlan: profile.plan,
    balanceKopecks: balance,
    debtSince: balance > 0 ? debtSince : null,
  };
  return { account, meters, readings, bills, payments };
}

/** Accounts 0..count-1, one at a time (a large world never sits in memory whole). */
export function* generateWorld(count: number, options: WorldOptions): Generator<AccountBundle> {
  const tariffs = tariffsOf(options);
  const history = historyOf(options);
  for (let index = 0; index < count; index++) yield generateAccount(index, options, tariffs, history);
}

export { isoDate };
