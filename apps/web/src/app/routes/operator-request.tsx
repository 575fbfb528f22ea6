import { OperatorRequestPage } from "../../features/requests/components/OperatorRequestPage.tsx";
import { RequireOperator } from "../RequireOperator.tsx";

/** Loaded on demand (router `lazy`): one request and the operator's decision. */
export function Component() {
  return (
    <RequireOperator>
      <OperatorRequestPage />
    </RequireOperator>
  );
}
