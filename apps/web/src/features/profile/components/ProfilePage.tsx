import type { ContactKind } from "@lk/contract/profile";
import { useState } from "react";
import { Alert } from "../../../components/ui/Alert.tsx";
import { Button } from "../../../components/ui/Button.tsx";
import { PageLoader } from "../../../components/ui/PageLoader.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useProfile } from "../api/get-profile.ts";
import { useSendContactCode } from "../api/send-contact-code.ts";
import { resendAt } from "../contact-code.ts";
import { contactError } from "../contact-errors.ts";
import { BillDeliveryCard } from "./BillDeliveryCard.tsx";
import { ContactDialog, type ContactRequest } from "./ContactDialog.tsx";
import { ContactsCard } from "./ContactsCard.tsx";
import { PasswordCard } from "./PasswordCard.tsx";
import { PersonalDataCard } from "./PersonalDataCard.tsx";

/** Where «Подтвердить» was pressed: its error is shown there. */
type ConfirmSource = "contacts" | "bills";

/** SPEC §9 «Профиль»: only the name, the contacts (with a code), the password, e-mail bills and the newsletter change. */
export function ProfilePage() {
  const profile = useProfile();
  const sendCode = useSendContactCode();
  const [request, setRequest] = useState<ContactRequest | null>(null);
  const [contactNotice, setContactNotice] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<{ source: ConfirmSource; message: string } | null>(null);
  const [confirming, setConfirming] = useState<ContactKind | null>(null);

  if (profile.isPending) return <PageLoader />;
  if (profile.isError) {
    return (
      <section aria-labelledby="profile-title" className="page">
        <h1 id="profile-title">Профиль</h1>
        <Alert>Не удалось загрузить профиль. {profile.error.message}</Alert>
        <Button variant="secondary" pending={profile.isFetching} onClick={() => profile.refetch()}>
          Повторить
        </Button>
      </section>
    );
  }
  const data = profile.data;

  const change = (kind: ContactKind) => {
    setContactNotice(null);
    setRequest({ kind, mode: "change" });
  };

  // «Подтвердить»: the code goes to the current address or phone at once (no password: nothing
  // changes), then the dialog asks for it.
  const confirmCurrent = (kind: ContactKind, source: ConfirmSource) => {
    const value = kind === "EMAIL" ? data.email : data.phone;
    if (!value) return;
    setContactNotice(null);
    setConfirmError(null);
    setConfirming(kind);
    sendCode.mutate(
      { kind, value },
      {
        onSuccess: (sent) =>
          setRequest({
            kind,
            mode: "confirm",
            sent: { value: sent.value, resendAt: resendAt(sent.resendAfterSeconds) },
          }),
        onError: (error) => {
          if (error instanceof ApiError && error.code === "TOO_MANY_REQUESTS") {
            // A code went out a moment ago: it still works, so ask for it.
            setRequest({
              kind,
              mode: "confirm",
              sent: {
                value,
                resendAt: resendAt(error.retryAfterSeconds ?? 60),
                note: "Код уже был отправлен недавно: введите его или запросите новый, когда истечёт время.",
              },
            });
            return;
          }
          setConfirmError({ source, message: contactError(error, kind).message });
        },
        onSettled: () => setConfirming(null),
      },
    );
  };

  return (
    <section aria-labelledby="profile-title" className="page profile-page">
      <h1 id="profile-title">Профиль</h1>
      <PersonalDataCard profile={data} />
      <ContactsCard
        profile={data}
        notice={contactNotice}
        confirmError={confirmError?.source === "contacts" ? confirmError.message : null}
        confirmPending={confirming}
        onConfirm={(kind) => confirmCurrent(kind, "contacts")}
        onChange={change}
      />
      <PasswordCard />
      <BillDeliveryCard
        profile={data}
        confirmPending={confirming === "EMAIL"}
        confirmError={confirmError?.source === "bills" ? confirmError.message : null}
        onConfirmEmail={() => confirmCurrent("EMAIL", "bills")}
      />
      <ContactDialog
        request={request}
        profile={data}
        onClose={() => setRequest(null)}
        onDone={(notice) => {
          setRequest(null);
          setContactNotice(notice);
        }}
      />
    </section>
  );
}
