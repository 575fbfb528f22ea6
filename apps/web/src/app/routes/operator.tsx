import { OperatorQueuePage } from "../../features/requests/components/OperatorQueuePage.tsx";
import { RequireOperator } from "../RequireOperator.tsx";

/** Loaded on demand (router `lazy`): customers never download the operator's screens. */
export function Component() {
  return (
    <RequireOperator>
      <OperatorQueuePage />
    </RequireOperator>
  );
}
