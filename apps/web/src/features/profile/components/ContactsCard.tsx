import type { ContactKind, Profile } from "@lk/contract/profile";
import { useEffect, useRef } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { formatPhone } from "../../../lib/phone.ts";

interface Props {
  profile: Profile;
  notice: string | null;
  /** Why the code for the current e-mail or phone could not be sent. */
  confirmError: string | null;
  /** Which «Подтвердить» is sending its code. */
  confirmPending: ContactKind | null;
  onConfirm: (kind: ContactKind) => void;
  onChange: (kind: ContactKind) => void;
}

function ConfirmedTag({ confirmed }: { confirmed: boolean }) {
  return confirmed ? (
    <span className="tag tag--success">подтверждён</span>
  ) : (
    <span className="tag tag--warning">не подтверждён</span>
  );
}

/** «Подтвердить» for the current e-mail or phone: a code goes to it, no password needed. */
function ConfirmButton({
  kind,
  pending,
  onConfirm,
}: {
  kind: ContactKind;
  pending: ContactKind | null;
  onConfirm: (kind: ContactKind) => void;
}) {
  return (
    <Button
      pending={pending === kind}
      onClick={() => onConfirm(kind)}
      aria-label={kind === "EMAIL" ? "Подтвердить e-mail" : "Подтвердить телефон"}
    >
      Подтвердить
    </Button>
  );
}

/** «Контакты»: the e-mail and the mobile phone, each confirmed (or not) and changed with a code. */
export function ContactsCard({ profile, notice, confirmError, confirmPending, onConfirm, onChange }: Props) {
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
            <span className="contacts__value">{profile.email}</span> <ConfirmedTag confirmed={profile.emailConfirmed} />
            {profile.emailConfirmed ? null : (
              <p className="card__muted">
                {/* Linking needs either contact proved: with the phone confirmed, only the bills wait for this. */}
                {profile.phoneConfirmed
                  ? "Подтвердите адрес, чтобы получать на него счета."
                  : "Подтвердите адрес, чтобы получать на него счета и подключать лицевые счета."}
              </p>
            )}
            <span className="contacts__actions">
              {profile.emailConfirmed ? null : (
                <ConfirmButton kind="EMAIL" pending={confirmPending} onConfirm={onConfirm} />
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
            {profile.phone ? (
              <>
                {" "}
                <ConfirmedTag confirmed={profile.phoneConfirmed} />
              </>
            ) : null}
            <span className="contacts__actions">
              {profile.phone && !profile.phoneConfirmed ? (
                <ConfirmButton kind="PHONE" pending={confirmPending} onConfirm={onConfirm} />
              ) : null}
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
        E-mail и телефон — это логины для входа: новый действует, как только вы введёте код. Для смены нужен текущий
        пароль, а на прежний адрес придёт уведомление со ссылкой для отмены.
      </p>
    </section>
  );
}
