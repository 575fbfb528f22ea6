import type { AutoPaymentState } from "@lk/contract/payments";
import { useId, useState } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { Dialog } from "../../../components/ui/Dialog.tsx";
import { AutopayApplicationForm } from "./AutopayApplicationForm.tsx";

interface Props {
  open: boolean;
  accountId: string;
  /** The terms in force, from the server (they change when it says TERMS_CHANGED). */
  terms: AutoPaymentState["terms"];
  defaultEmail: string;
  onClose: () => void;
  onApplied: (state: AutoPaymentState) => void;
}

function TermsStep({ terms, notice, onNext }: { terms: Props["terms"]; notice: string | null; onNext: () => void }) {
  const [agreed, setAgreed] = useState(false);
  const titleId = useId();
  return (
    <div className="form">
      <p className="dialog__lead">Шаг 1 из 2: условия услуги. Прочитайте их и подтвердите согласие.</p>
      {notice ? <Alert>{notice}</Alert> : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard */}
      <section className="autopay-terms" aria-labelledby={titleId} tabIndex={0} data-autofocus>
        <h3 id={titleId} className="autopay-terms__title">
          Условия услуги «Автоплатеж»
        </h3>
        <p className="autopay-terms__version">Редакция {terms.version}</p>
        {terms.text.split("\n").map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>
      <label className="check-field">
        <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />Я
        ознакомился(ась) с условиями и согласен(на)
      </label>
      <div className="dialog__actions">
        <Button disabled={!agreed} onClick={onNext}>
          Далее
        </Button>
      </div>
    </div>
  );
}

/** «Подключить»: the terms (accepted, in the version read), then the application. */
function ConnectFlow({ accountId, terms, defaultEmail, onApplied }: Omit<Props, "open" | "onClose">) {
  const [step, setStep] = useState<"terms" | "application">("terms");
  const [notice, setNotice] = useState<string | null>(null);
  // The version the customer agreed to is the one sent: newer terms need a new agreement.
  const [agreedVersion, setAgreedVersion] = useState<string | null>(null);

  if (step === "application" && agreedVersion) {
    return (
      <AutopayApplicationForm
        accountId={accountId}
        termsVersion={agreedVersion}
        defaultEmail={defaultEmail}
        onBack={() => setStep("terms")}
        onApplied={onApplied}
        onTermsChanged={(message) => {
          setNotice(message);
          setAgreedVersion(null);
          setStep("terms");
        }}
      />
    );
  }
  return (
    <TermsStep
      key={`${terms.version}-${notice ?? ""}`}
      terms={terms}
      notice={notice}
      onNext={() => {
        setAgreedVersion(terms.version);
        setStep("application");
      }}
    />
  );
}

export function ConnectAutopayDialog({ open, onClose, ...props }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Подключение автоплатежа">
      <ConnectFlow {...props} />
    </Dialog>
  );
}
