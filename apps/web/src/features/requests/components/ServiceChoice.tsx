import { type ServiceRequestKind, serviceRequestKinds } from "@lk/contract/requests";
import { ChoiceGroup } from "../../../components/ui/ChoiceGroup.tsx";

interface Props {
  value: ServiceRequestKind | "";
  onChange: (kind: ServiceRequestKind) => void;
  error?: string;
}

const choices = (Object.keys(serviceRequestKinds) as ServiceRequestKind[]).map((kind) => ({
  value: kind,
  ...serviceRequestKinds[kind],
}));

/** «Что изменить»: the services of «Изменить», each with what it is for. */
export function ServiceChoice({ value, onChange, error }: Props) {
  return (
    <ChoiceGroup legend="Что изменить" name="kind" choices={choices} value={value} error={error} onChange={onChange} />
  );
}
