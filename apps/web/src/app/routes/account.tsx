import { AccountPage } from "../../features/accounts/components/AccountPage.tsx";
import { accountSections } from "../account-sections.tsx";

/** Loaded on demand (router `lazy`): the sign-in screen does not wait for the account page. */
export function Component() {
  return <AccountPage {...accountSections} />;
}
