/** A piece of a message's text: plain, or a link the reader can open. */
export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

// Web addresses, and site paths such as `/reset-password?token=…` at the start of a word.
const LINK = /(https?:\/\/[^\s<>"«»]+|(?<=^|\s)\/[A-Za-z0-9][^\s<>"«»]*)/g;
// A sentence's full stop or comma after a link is not part of it.
const TRAILING = /[.,;:!?)]+$/;

/** Splits a message's text into plain parts and links (only http(s) and this site's paths). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    const raw = match[0];
    const href = raw.replace(TRAILING, "");
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: href, href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
