/** Saves text as a file the browser downloads, without a round trip to the server. */
export function downloadText(filename: string, text: string, type: string): void {
  saveBlob(filename, new Blob([text], { type }));
}

/** Saves bytes already fetched (a document of a request) under the given name. */
export function saveBlob(filename: string, blob: Blob): void {
  clickLink(blob, (link) => {
    link.download = filename;
  });
}

/** Shows bytes already fetched (a PDF, an image) in a new tab, with the browser's own viewer. */
export function openBlob(blob: Blob): void {
  clickLink(blob, (link) => {
    link.target = "_blank";
    link.rel = "noopener";
  });
}

function clickLink(blob: Blob, configure: (link: HTMLAnchorElement) => void): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.hidden = true;
  configure(link);
  document.body.append(link);
  link.click();
  link.remove();
  // Not at once: some browsers (and a new tab) read the blob only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
