import { type RequestDocument, type ServiceRequestKind, serviceRequestKinds } from "@lk/contract/requests";
import { useState } from "react";
import { Button } from "../../../components/ui/Button.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { openBlob, saveBlob } from "../../../lib/download.ts";
import { formatFileSize } from "../change-format.ts";

interface Props {
  kind: ServiceRequestKind;
  documents: RequestDocument[];
  /** Fetches a document's bytes with the session (the API's document route). */
  fetchDocument: (documentId: string) => Promise<Blob>;
  /** «Открыть» in a new tab besides «Скачать» (the operator reads them on screen). */
  canOpen?: boolean;
}

/** The request's documents, each under the name the customer gave it, with the slot it was sent for. */
export function DocumentList({ kind, documents, fetchDocument, canOpen = false }: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const slotLabel = (slot: string) => serviceRequestKinds[kind].documents.find((d) => d.slot === slot)?.label ?? slot;

  async function fetchThen(document: RequestDocument, action: "open" | "save") {
    setPending(`${document.id}-${action}`);
    setError(null);
    try {
      const blob = await fetchDocument(document.id);
      if (action === "open") openBlob(new Blob([blob], { type: document.contentType }));
      else saveBlob(document.fileName, blob);
    } catch (e) {
      setError(`Не удалось получить файл «${document.fileName}». ${e instanceof ApiError ? e.message : ""}`.trim());
    } finally {
      setPending(null);
    }
  }

  if (documents.length === 0) return <p className="card__muted">Документы не приложены.</p>;
  return (
    <>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="request-documents">
        {documents.map((document) => (
          <li key={document.id} className="request-documents__item">
            <span className="request-documents__name">{document.fileName}</span>
            <span className="request-documents__meta">
              {slotLabel(document.slot)} · {formatFileSize(document.sizeBytes)}
            </span>
            <span className="request-documents__actions">
              {canOpen ? (
                <Button
                  variant="secondary"
                  pending={pending === `${document.id}-open`}
                  aria-label={`Открыть ${document.fileName}`}
                  onClick={() => fetchThen(document, "open")}
                >
                  Открыть
                </Button>
              ) : null}
              <Button
                variant="secondary"
                pending={pending === `${document.id}-save`}
                aria-label={`Скачать ${document.fileName}`}
                onClick={() => fetchThen(document, "save")}
              >
                Скачать
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
