import type { MeterReadingState } from "@lk/contract/readings";
import type { WarningCode, Zone } from "@lk/domain";
import { useEffect, useId, useRef, useState } from "react";
import { type FieldErrors, type Resolver, useForm, useWatch } from "react-hook-form";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { TextField } from "../../../components/ui/TextField.tsx";
import { ApiError, type ApiWarning } from "../../../lib/api-client.ts";
import { formatMoscowDate } from "../../../lib/dates.ts";
import { applyApiError } from "../../../lib/form-errors.ts";
import { formatMeterValue, zoneName } from "../../../lib/meter-format.ts";
import { RETRYING } from "../../../lib/query-client.ts";
import { useSubmitReading } from "../api/submit-reading.ts";
import { formatReadingValues, submittedText } from "../reading-labels.ts";
import { readingFieldErrors, type TypedValues } from "../reading-preview.ts";
import { type Submission, submissionFor, withConfirmed } from "../submission-key.ts";
import { ConfirmReadingDialog } from "./ConfirmReadingDialog.tsx";
import { ReadingPreview } from "./ReadingPreview.tsx";

interface FormValues {
  values: TypedValues;
}

interface Props {
  accountId: string;
  meter: MeterReadingState;
  /** Why readings are not accepted now (the window is closed): the fields are then read-only. */
  closedMessage: string | null;
  onSubmitted?: () => unknown;
}

const emptyValues = (zones: Zone[]): TypedValues => Object.fromEntries(zones.map((zone) => [zone, ""]));

function previousHint(meter: MeterReadingState, zone: Zone): string {
  const value = meter.previous?.values.find((v) => v.zone === zone)?.value;
  if (!meter.previous || value === undefined) return "Предыдущих показаний нет.";
  return `Предыдущее: ${formatMeterValue(value)} от ${formatMoscowDate(meter.previous.takenAt)}`;
}

/** The same check as the server's, before sending: a value below the last one is named at once. */
function localResolver(meter: MeterReadingState): Resolver<FormValues> {
  return (data) => {
    const fields = readingFieldErrors(meter, data.values);
    if (!fields.length) return { values: data, errors: {} };
    const values = Object.fromEntries(
      fields.map((f) => [f.path.replace(/^values\./, ""), { type: "validate", message: f.message }]),
    );
    return { values: {}, errors: { values } as FieldErrors<FormValues> };
  };
}

/** The form of one meter: a field per zone, the live estimate, «Передать», and what the server answers. */
export function ReadingForm({ accountId, meter, closedMessage, onSubmitted }: Props) {
  const zones = meter.zones;
  const readOnly = closedMessage !== null;
  const form = useForm<FormValues>({ defaultValues: { values: emptyValues(zones) }, resolver: localResolver(meter) });
  const typed = useWatch({ control: form.control, name: "values" });
  const { errors } = form.formState;
  const submit = useSubmitReading({ mutationConfig: { onSuccess: () => onSubmitted?.() } });
  const submission = useRef<Submission | null>(null);
  const [warnings, setWarnings] = useState<ApiWarning[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  // «Необычный расход»: said once, with the answer to the reading that showed it (a letter follows).
  const [unusual, setUnusual] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const previewId = useId();
  const zonePaths = zones.map((zone) => `values.${zone}` as const);
  const firstField = zonePaths[0] ?? "values.T1";
  const { setFocus } = form;

  // After the dialog has closed (its effect runs first), so the browser's focus return does not win.
  useEffect(() => {
    if (focusRequest) setFocus(firstField);
  }, [focusRequest, setFocus, firstField]);

  async function send(values: TypedValues, confirmed: readonly WarningCode[] = []) {
    const current = withConfirmed(submissionFor(submission.current, values), confirmed);
    submission.current = current;
    setFormError(null);
    setSuccess(null);
    setUnusual(null);
    try {
      const result = await submit.mutateAsync({
        accountId,
        meterId: meter.meterId,
        body: {
          idempotencyKey: current.key,
          values,
          ...(current.confirmRollover ? { confirmRollover: true } : {}),
          ...(current.confirmLargeJump ? { confirmLargeJump: true } : {}),
        },
      });
      submission.current = null;
      setWarnings(null);
      setSuccess(submittedText(result));
      setUnusual(result.unusualUse?.message ?? null);
      form.reset({ values: emptyValues(zones) });
    } catch (error) {
      if (error instanceof ApiError && error.code === "NEEDS_CONFIRMATION" && error.warnings.length) {
        setWarnings(error.warnings);
        return;
      }
      setWarnings(null);
      // What was typed stays in the fields, whatever went wrong.
      setFormError(applyApiError(error, form.setError, zonePaths));
    }
  }

  const onSubmit = form.handleSubmit(({ values }) => send(values));
  const onConfirm = () => {
    if (!warnings) return;
    // The same values, so the same idempotency key, with the confirmation the server asked for.
    void send(
      form.getValues("values"),
      warnings.map((warning) => warning.code),
    );
  };
  const onFix = () => {
    setWarnings(null);
    setFocusRequest((n) => n + 1);
  };

  const already = meter.submittedThisWindow;
  return (
    <>
      <form onSubmit={onSubmit} noValidate className="form reading-form">
        {closedMessage ? <Alert tone="info">{closedMessage}</Alert> : null}
        {already ? (
          <p className="reading-form__note">
            {`В этом месяце вы уже передали: ${formatReadingValues(already.values)} (${formatMoscowDate(already.takenAt)}). Новые показания заменят прежние.`}
          </p>
        ) : null}
        {formError ? <Alert>{formError}</Alert> : null}
        <div className="reading-form__fields">
          {zones.map((zone) => (
            <TextField
              key={zone}
              label={`${zoneName(zone, zones.length)}, кВт·ч`}
              hint={previousHint(meter, zone)}
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              readOnly={readOnly}
              error={errors.values?.[zone]?.message}
              {...form.register(`values.${zone}`)}
            />
          ))}
        </div>
        {readOnly ? null : <ReadingPreview id={previewId} meter={meter} typed={typed} />}
        <div className="reading-form__actions">
          <Button
            type="submit"
            pending={submit.isPending && warnings === null}
            disabled={readOnly}
            aria-describedby={readOnly ? undefined : previewId}
          >
            Передать
          </Button>
        </div>
        <div className="reading-form__status" role="status">
          {success ? <p className="alert alert--success">{success}</p> : null}
          {success && unusual ? <p className="alert alert--warning">{unusual} Мы также отправили письмо.</p> : null}
          {submit.isPending && submit.failureCount > 0 ? <p className="alert alert--info">{RETRYING}</p> : null}
        </div>
      </form>
      <ConfirmReadingDialog warnings={warnings} pending={submit.isPending} onConfirm={onConfirm} onFix={onFix} />
    </>
  );
}
