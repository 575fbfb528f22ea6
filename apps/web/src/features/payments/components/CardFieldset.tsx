import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "../../../components/ui/TextField.tsx";

interface Props {
  fields: { number: UseFormRegisterReturn; expiry: UseFormRegisterReturn; cvc: UseFormRegisterReturn };
  errors: { number?: string; expiry?: string; cvc?: string };
}

/**
 * The bank card, for the payment gateway only: held in the form while the dialog is open, never
 * stored by the portal (the browser's own autofill may offer it, as on any payment page).
 */
export function CardFieldset({ fields, errors }: Props) {
  return (
    <fieldset className="card-fields">
      <legend className="card-fields__legend">Банковская карта</legend>
      <TextField
        label="Номер карты"
        inputMode="numeric"
        autoComplete="cc-number"
        spellCheck={false}
        placeholder="0000 0000 0000 0000"
        error={errors.number}
        {...fields.number}
      />
      <div className="card-fields__row">
        <TextField
          label="Срок действия (ММ/ГГ)"
          inputMode="numeric"
          autoComplete="cc-exp"
          spellCheck={false}
          placeholder="ММ/ГГ"
          maxLength={7}
          error={errors.expiry}
          {...fields.expiry}
        />
        <TextField
          label="CVC"
          inputMode="numeric"
          autoComplete="cc-csc"
          spellCheck={false}
          maxLength={3}
          hint="3 цифры на обороте карты"
          error={errors.cvc}
          {...fields.cvc}
        />
      </div>
    </fieldset>
  );
}
