import { DOCUMENT_LIMITS, type DocumentSlot } from "@lk/contract/requests";
import { formatFileSize } from "../change-format.ts";
import type { ChosenFiles, FormErrors } from "../request-form.ts";

interface Props {
  slots: DocumentSlot[];
  files: ChosenFiles;
  errors: FormErrors;
  onAdd: (slot: string, files: File[]) => void;
  onRemove: (slot: string, file: File) => void;
}

const HINT = `PDF, JPEG или PNG, каждый файл до ${DOCUMENT_LIMITS.maxFileBytes / 1024 / 1024} МБ; всего не больше ${DOCUMENT_LIMITS.maxFiles} файлов. Можно выбрать несколько.`;

// The same file may be chosen twice; each choice is its own item.
const keys = new WeakMap<File, string>();
const keyOf = (file: File) => {
  if (!keys.has(file)) keys.set(file, crypto.randomUUID());
  return keys.get(file);
};

/** A file input per document the service needs; chosen files are listed and can be removed one by one. */
export function DocumentSlots({ slots, files, errors, onAdd, onRemove }: Props) {
  return (
    <fieldset className="document-slots">
      <legend className="field__label">Документы</legend>
      <p className="field__hint" id="document-slots-hint">
        {HINT}
      </p>
      {slots.map(({ slot, label, required }) => {
        const id = `document-${slot}`;
        const chosen = files[slot] ?? [];
        const error = errors[slot];
        return (
          <div key={slot} className={`field document-slot${error ? " field--invalid" : ""}`}>
            <label className="field__label" htmlFor={id}>
              {label}
              <span className="document-slot__need">{required ? " (обязательно)" : " (по желанию)"}</span>
            </label>
            <input
              id={id}
              name={slot}
              type="file"
              multiple
              accept={DOCUMENT_LIMITS.accept}
              className="document-slot__input"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error document-slots-hint` : "document-slots-hint"}
              onChange={(event) => {
                onAdd(slot, [...(event.target.files ?? [])]);
                // The list below keeps them; the same file may be chosen again after «Убрать».
                event.target.value = "";
              }}
            />
            {error ? (
              <p className="field__error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
            {chosen.length ? (
              <ul className="document-slot__files" aria-label={`Выбранные файлы: ${label}`}>
                {chosen.map((file) => (
                  <li key={keyOf(file)}>
                    <span className="document-slot__file">
                      {file.name} · {formatFileSize(file.size)}
                    </span>
                    <button
                      type="button"
                      className="document-slot__remove"
                      aria-label={`Убрать файл ${file.name}`}
                      onClick={() => onRemove(slot, file)}
                    >
                      Убрать
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
