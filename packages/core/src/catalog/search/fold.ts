// Text folding shared by the index and the query, so both sides compare the same way.
// Plain-ASCII text (most app names) takes fast paths: the index is built at page load.

const NON_ASCII = /[^\p{ASCII}]/u;
const COMBINING_MARKS = /\p{M}+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
const UNICODE_WORD = /[\p{L}\p{N}]+/gu;
/** A word character, punctuation (no space), a word character: "at&t", "wi-fi". */
const ASCII_JOINED = /[a-z0-9][^a-z0-9\s]+[a-z0-9]/;
const UNICODE_JOINED = /[\p{L}\p{N}][^\p{L}\p{N}\s]+[\p{L}\p{N}]/u;
const SPACES = /\s+/u;

/** Lowercase, decompose and drop accents: "Débitoor" → "debitoor". */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Appends the words of a folded text to `out`; returns whether punctuation alone joined two
 * words ("at&t", "wi-fi", "monday.com"). Spaces and punctuation separate words, so "Brevo
 * (Sendinblue)" gives ["brevo", "sendinblue"]. With `glue`, words joined by punctuation are
 * appended as one ("at&t" → "att"), so people can type a brand either way.
 * Native regular expressions, not a hand loop: the index is built before the JIT warms up.
 */
export function appendWords(folded: string, out: string[], glue = false): boolean {
  const ascii = !NON_ASCII.test(folded);
  const word = ascii ? ASCII_WORD : UNICODE_WORD;
  if (!glue) {
    const words = folded.match(word);
    if (words) out.push(...words);
    return (ascii ? ASCII_JOINED : UNICODE_JOINED).test(folded);
  }
  for (const chunk of folded.split(SPACES)) {
    const parts = chunk.match(word);
    if (parts) out.push(parts.join(''));
  }
  return true;
}

/** The words of a folded text (see appendWords). */
export function splitWords(folded: string): string[] {
  const words: string[] = [];
  appendWords(folded, words);
  return words;
}
