import { Link } from "react-router";
import { Alert } from "../../../components/ui/Alert.tsx";

/** What went wrong in the linking dialog; `toProfile` when the fix is in the profile (confirming a contact). */
export interface LinkFormError {
  text: string;
  toProfile?: boolean;
}

/** The dialog's error, announced; with a way to the profile when a contact must be confirmed first. */
export function LinkErrorAlert({ error, onLeave }: { error: LinkFormError; onLeave: () => void }) {
  return (
    <Alert>
      {error.text}
      {error.toProfile ? (
        <>
          {" "}
          {/* The dialog lives in the sidebar, which stays on the profile page: it closes on the way. */}
          <Link to="/profile" onClick={onLeave}>
            Перейти в профиль
          </Link>
        </>
      ) : null}
    </Alert>
  );
}
