import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/react";

// Lazy routes and the mock's delays take longer on a loaded two-core CI machine than the default 1 s.
configure({ asyncUtilTimeout: 5000 });

// jsdom has <dialog> but not its modal methods; the attribute is what the tests look at.
if (typeof HTMLDialogElement !== "undefined") {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
}

// vitest's jsdom environment hands a page's FormData to fetch with every file turned into a
// nameless Blob ("blob"), so the mock API could not tell the customer which file it refused.
// Rebuild such a FormData for fetch ourselves, the files' names kept.
const NodeFormData = (
  await new Response("", { headers: { "content-type": "application/x-www-form-urlencoded" } }).formData()
).constructor as typeof FormData;
const NodeBlob = (await new Response("").blob()).constructor as typeof Blob;
// jsdom keeps a Blob's bytes behind a symbol of its own (vitest reads them the same way).
const jsdomImpl = Object.getOwnPropertySymbols(Object.getOwnPropertyDescriptors(new Blob()))[0] as symbol;
const bytesOf = (blob: Blob) => (blob as unknown as Record<symbol, { _buffer: Uint8Array }>)[jsdomImpl]?._buffer;

function withFileNames(form: FormData): FormData {
  const copy = new NodeFormData();
  form.forEach((value, key) => {
    if (typeof value === "string") copy.append(key, value);
    else
      copy.append(
        key,
        new NodeBlob([(bytesOf(value) ?? new Uint8Array()) as BlobPart], { type: value.type }),
        value.name,
      );
  });
  return copy;
}

const PageFormData = globalThis.FormData;
const CompatRequest = globalThis.Request;
globalThis.Request = class Request extends CompatRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init?.body instanceof PageFormData ? { ...init, body: withFileNames(init.body) } : init);
  }
};
