import { createBrowserRouter } from "react-router";
import { CabinetLayout } from "../components/layout/CabinetLayout.tsx";
import { AccountPage } from "../features/accounts/components/AccountPage.tsx";
import { AccountsSidebar } from "../features/accounts/components/AccountsSidebar.tsx";
import { HomePage } from "../features/accounts/components/HomePage.tsx";
import { RegisterPage } from "../features/auth/components/RegisterPage.tsx";
import { RedirectIfSignedIn, RequireSession } from "../features/auth/components/RequireSession.tsx";
import { SignInPage } from "../features/auth/components/SignInPage.tsx";
import { ProfilePage } from "../features/profile/components/ProfilePage.tsx";
import { accountSections } from "./account-sections.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { RouteError } from "./RouteError.tsx";

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        {
          path: "/sign-in",
          element: (
            <RedirectIfSignedIn>
              <SignInPage />
            </RedirectIfSignedIn>
          ),
        },
        {
          path: "/register",
          element: (
            <RedirectIfSignedIn>
              <RegisterPage />
            </RedirectIfSignedIn>
          ),
        },
        {
          path: "/",
          element: (
            <RequireSession>
              <CabinetLayout sidebar={<AccountsSidebar />} />
            </RequireSession>
          ),
          children: [
            { index: true, element: <HomePage /> },
            { path: "accounts/:accountId", element: <AccountPage {...accountSections} /> },
            { path: "profile", element: <ProfilePage /> },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
