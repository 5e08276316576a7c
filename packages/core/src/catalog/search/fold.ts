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

/** Only ASCII: the fast paths apply. Test once and pass it on when a text goes through several. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Lowercase, decompose and drop accents: "Débitoor" → "debitoor". */
export function foldText(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Words of a folded text. Spaces and punctuation (`.`, `-`, `&`, `'`, brackets) separate words,
 * so "monday.com" gives ["monday", "com"] and "Brevo (Sendinblue)" gives ["brevo", "sendinblue"].
 * Native regular expressions, not a hand loop: the index is built before the JIT warms up.
 */
export function splitWords(folded: string, ascii = isAscii(folded)): string[] {
  return folded.match(ascii ? ASCII_WORD : UNICODE_WORD) ?? [];
}

/**
 * The words again with punctuation-joined ones glued ("at&t" → ["att"], "wi-fi manager" →
 * ["wifi", "manager"]), so people can type a brand either way; undefined when nothing is joined.
 */
export function gluedWords(folded: string, ascii = isAscii(folded)): string[] | undefined {
  if (!(ascii ? ASCII_JOINED : UNICODE_JOINED).test(folded)) return undefined;
  return folded.split(SPACES).flatMap((chunk) => {
    const glued = splitWords(chunk, ascii).join('');
    return glued ? [glued] : [];
  });
}
