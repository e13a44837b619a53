// Text as the backend stores it: Unicode NFC, trimmed, inner white space collapsed.
// Mirrors `chibo_core::text::clean` so client-side checks count what the backend counts.

/** "  Nguye\u0302\u0303n   Văn " → "Nguyễn Văn" */
export function cleanText(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Length in Unicode scalar values, as Rust's `chars().count()` measures it. */
export function charCount(text: string): number {
  return [...text].length;
}
