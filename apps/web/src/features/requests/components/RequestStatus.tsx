import { type ServiceRequestStatus, serviceRequestStatusLabels } from "@lk/contract/requests";

/** The status in words («на рассмотрении»); the colour and the mark only repeat it. */
export function RequestStatus({ status }: { status: ServiceRequestStatus }) {
  return (
    <span className={`request-status request-status--${status.toLowerCase().replace("_", "-")}`}>
      {serviceRequestStatusLabels[status]}
    </span>
  );
}
