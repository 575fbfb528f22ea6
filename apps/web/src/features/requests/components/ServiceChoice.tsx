import { type ServiceRequestKind, serviceRequestKinds } from "@lk/contract/requests";

interface Props {
  value: ServiceRequestKind | "";
  onChange: (kind: ServiceRequestKind) => void;
  error?: string;
}

const kinds = Object.keys(serviceRequestKinds) as ServiceRequestKind[];

/** «Что изменить»: the services of «Изменить», each with what it is for. */
export function ServiceChoice({ value, onChange, error }: Props) {
  return (
    <fieldset
      className={`service-choice${error ? " field--invalid" : ""}`}
      aria-describedby={error ? "service-choice-error" : undefined}
    >
      <legend className="field__label">Что изменить</legend>
      {error ? (
        <p className="field__error" id="service-choice-error">
          {error}
        </p>
      ) : null}
      {kinds.map((kind) => {
        const { title, description } = serviceRequestKinds[kind];
        return (
          <label key={kind} className="service-choice__option">
            <input
              type="radio"
              name="kind"
              value={kind}
              checked={value === kind}
              aria-describedby={`service-${kind}-description`}
              onChange={() => onChange(kind)}
            />
            <span>
              <span className="service-choice__title">{title}</span>
              <span className="service-choice__description" id={`service-${kind}-description`}>
                {description}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
