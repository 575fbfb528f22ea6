import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldError } from "@lk/contract/errors";
import { PeriodQuery } from "@lk/contract/payments";
import { useForm } from "react-hook-form";
import { type Period, periodBack, QUICK_PERIODS } from "../lib/period.ts";
import { Button } from "./ui/Button.tsx";
import { TextField } from "./ui/TextField.tsx";

interface Props {
  /** `YYYY-MM-DD`, Moscow. */
  today: string;
  /** The period shown now. */
  applied: Period;
  onApply: (period: Period) => void;
  /** What the server said about the period, if it refused it. */
  serverErrors: FieldError[];
}

/**
 * From–to dates with the quick choices, the same on every tab of «История»; «Показать» applies the
 * dates (the contract's schema checks them first).
 */
export function PeriodFilter({ today, applied, onApply, serverErrors }: Props) {
  const form = useForm({ resolver: zodResolver(PeriodQuery), defaultValues: applied });
  const { errors } = form.formState;
  const errorOf = (field: keyof Period) =>
    errors[field]?.message ?? serverErrors.find((f) => f.path === field)?.message;

  const choose = (months: number) => {
    const period = periodBack(months, today);
    form.reset(period);
    onApply(period);
  };

  return (
    <form className="period-filter" onSubmit={form.handleSubmit(onApply)} noValidate>
      <fieldset className="period-filter__fieldset">
        <legend className="period-filter__legend">Период</legend>
        <div className="period-filter__quick">
          {QUICK_PERIODS.map(({ label, months }) => {
            const period = periodBack(months, today);
            const pressed = period.from === applied.from && period.to === applied.to;
            return (
              <Button
                key={label}
                variant={pressed ? "primary" : "secondary"}
                aria-pressed={pressed}
                onClick={() => choose(months)}
              >
                {label}
              </Button>
            );
          })}
        </div>
        <div className="period-filter__dates">
          <TextField type="date" label="С" max={today} error={errorOf("from")} {...form.register("from")} />
          <TextField type="date" label="По" max={today} error={errorOf("to")} {...form.register("to")} />
          <Button type="submit" variant="secondary" className="period-filter__apply">
            Показать
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
