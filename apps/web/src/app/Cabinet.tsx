import { Navigate } from "react-router";
import { CabinetLayout } from "../components/layout/CabinetLayout.tsx";
import { AccountsSidebar } from "../features/accounts/components/AccountsSidebar.tsx";
import { HomePage } from "../features/accounts/components/HomePage.tsx";
import { isOperator, useSession } from "../features/auth/api/session.ts";
import { OperatorNav } from "../features/requests/components/OperatorNav.tsx";

/** The cabinet's frame: a customer's accounts on the left, or the operator's sections. */
export function Cabinet() {
  const { data: user } = useSession();
  return isOperator(user) ? (
    <CabinetLayout sidebar={<OperatorNav />} sidebarLabel="Разделы оператора" />
  ) : (
    <CabinetLayout sidebar={<AccountsSidebar />} />
  );
}

/** The first page after sign-in: the operator's queue, or the customer's main account. */
export function Home() {
  const { data: user } = useSession();
  return isOperator(user) ? <Navigate to="/operator" replace /> : <HomePage />;
}
