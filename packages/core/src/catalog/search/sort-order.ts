// Fast orderings for the index build. Comparator sorts of 10,000+ strings dominated the build
// time, so items are sorted by 32-bit numbers with the native typed-array sort (the position
// packed into the low bits keeps it stable), and only runs of equal numbers compare strings.
// Plain indexed loops throughout: this runs once per page, before the JIT has warmed up.
const POSITION_RANGE = 2 ** 21;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fitsPackedSort(keys: ArrayLike<number>): boolean {
  if (keys.length >= POSITION_RANGE) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key >>> 0 !== key) return false; // not an integer in [0, 2^32)
  }
  return true;
}

/** Indices ordered by `keys` ascending, stable (keys that fit the packed sort). */
function packedOrder(keys: ArrayLike<number>): Int32Array {
  const packed = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) packed[i] = keys[i]! * POSITION_RANGE + i;
  packed.sort();
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const value = packed[i]!;
    // The index is the low bits; division by a power of two is exact (and beats `%`).
    order[i] = value - Math.floor(value / POSITION_RANGE) * POSITION_RANGE;
  }
  return order;
}

/**
 * The first four code units of a text as a number that sorts like the text. Codes past a byte
 * are clamped, and the key stops there (zeros after): "微信" and "الدفع" then share a key, and
 * their run is sorted by the whole text, so the order still agrees with `<`.
 */
function textPrefixKey(text: string): number {
  let key = 0;
  let clamped = false;
  for (let i = 0; i < 4; i++) {
    const code: number = clamped || i >= text.length ? 0 : Math.min(text.charCodeAt(i) + 1, 255);
    clamped ||= code === 255;
    key = key * 256 + code;
  }
  return key;
}

/** Insertion sort for the usual short run of equal keys; a comparator sort for long ones. */
function sortRunByText(order: Int32Array, start: number, end: number, texts: readonly string[]) {
  if (end - start > 16) {
    const run = Array.from(order.subarray(start, end));
    run.sort((a, b) => compareText(texts[a]!, texts[b]!));
    order.set(run, start);
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const item = order[i]!;
    const text = texts[item]!;
    let j = i - 1;
    for (; j >= start && texts[order[j]!]! > text; j--) order[j + 1] = order[j]!;
    order[j + 1] = item;
  }
}

/**
 * Indices ordered by `keys` ascending, then by `textOf(index)` in code-unit order. `textOf` is
 * called only for items whose key another item shares, so it may compute the text lazily.
 */
export function orderByKeyThenText(
  keys: ArrayLike<number>,
  textOf: (index: number) => string,
): Int32Array {
  if (!fitsPackedSort(keys)) {
    const texts: string[] = [];
    const text = (i: number) => (texts[i] ??= textOf(i));
    return Int32Array.from({ length: keys.length }, (_, i) => i).sort(
      (a, b) => keys[a]! - keys[b]! || compareText(text(a), text(b)),
    );
  }
  const order = packedOrder(keys);
  const texts = new Array<string>(keys.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    const key = keys[order[start]!];
    while (end < order.length && keys[order[end]!] === key) end++;
    if (end - start > 1) {
      for (let i = start; i < end; i++) texts[order[i]!] = textOf(order[i]!);
      sortRunByText(order, start, end, texts);
    }
    start = end;
  }
  return order;
}

/** Indices of `texts` in code-unit order (the order of `<`). */
export function orderByText(texts: readonly string[]): Int32Array {
  const keys = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) keys[i] = textPrefixKey(texts[i]!);
  return orderByKeyThenText(keys, (i) => texts[i]!);
}
