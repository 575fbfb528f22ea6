import type { ContactKind, Profile } from "@lk/contract/profile";
import { useEffect, useRef } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { formatPhone } from "../../../lib/phone.ts";

interface Props {
  profile: Profile;
  notice: string | null;
  /** Why the code for the current e-mail could not be sent. */
  confirmError: string | null;
  confirmPending: boolean;
  onConfirmEmail: () => void;
  onChange: (kind: ContactKind) => void;
}

/** «Контакты»: the e-mail (confirmed or not) and the mobile phone, each changed with a code. */
export function ContactsCard({ profile, notice, confirmError, confirmPending, onConfirmEmail, onChange }: Props) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  // The dialog's button may be gone (a confirmed e-mail has no «Подтвердить»): land on the news instead,
  // once the dialog has closed (the page behind a modal takes no focus).
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => titleRef.current?.focus());
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title" className="card__title" ref={titleRef} tabIndex={-1}>
        Контакты
      </h2>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {confirmError ? <Alert>{confirmError}</Alert> : null}
      <dl className="contacts">
        <div className="contacts__row">
          <dt>E-mail</dt>
          <dd>
            <span className="contacts__value">{profile.email}</span>{" "}
            {profile.emailConfirmed ? (
              <span className="tag tag--success">подтверждён</span>
            ) : (
              <span className="tag tag--warning">не подтверждён</span>
            )}
            {profile.emailConfirmed ? null : (
              <p className="card__muted">Подтвердите адрес, чтобы получать на него счета.</p>
            )}
            <span className="contacts__actions">
              {profile.emailConfirmed ? null : (
                <Button pending={confirmPending} onClick={onConfirmEmail} aria-label="Подтвердить e-mail">
                  Подтвердить
                </Button>
              )}
              <Button variant="secondary" onClick={() => onChange("EMAIL")} aria-label="Изменить e-mail">
                Изменить
              </Button>
            </span>
          </dd>
        </div>
        <div className="contacts__row">
          <dt>Мобильный телефон</dt>
          <dd>
            <span className="contacts__value">{profile.phone ? formatPhone(profile.phone) : "не указан"}</span>
            <span className="contacts__actions">
              <Button
                variant="secondary"
                onClick={() => onChange("PHONE")}
                aria-label={profile.phone ? "Изменить телефон" : "Указать телефон"}
              >
                {profile.phone ? "Изменить" : "Указать"}
              </Button>
            </span>
          </dd>
        </div>
      </dl>
      <p className="card__muted">
        E-mail и телефон — это логины для входа: новый действует, как только вы введёте код.
      </p>
    </section>
  );
}
