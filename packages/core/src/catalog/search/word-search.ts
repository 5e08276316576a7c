// The word side of the catalog search: flat tables of every word of every name and alias, and
// the passes that rank apps for the words of a query (exact tiers, then one typo forgiven).
import type { AppSummary } from '@plugboard/contract';
import { NAME_FIELD, type SearchTables } from './search-tables.js';

export interface SearchHit {
  app: AppSummary;
  /** The rank tier, higher is better (see SCORE); 0 when browsing with an empty query. */
  score: number;
  /** The alias that matched, when the name did not. */
  matchedAlias?: string;
}

/** Score of each rank tier; ties inside a tier go to the more popular app, then by name. */
export const SCORE = {
  exactName: 5,
  namePrefix: 4,
  nameWords: 3,
  alias: 2,
  typo: 1,
} as const;

/** Query words past this many are ignored (one bit each in a 16-bit mask). */
export const MAX_WORDS = 16;
/** Typos are forgiven only on words this long: shorter ones match too much by accident. */
const TYPO_MIN_LENGTH = 4;
const TIERS = 5;

/** Ranks the apps for the folded words of a query (one at least, MAX_WORDS at most). */
export type WordSearch = (
  queryWords: string[],
  category: string | undefined,
  limit: number,
) => SearchHit[];

export function createWordSearch(tables: SearchTables): WordSearch {
  const { ranked, tokens, postingStart, postings, appFieldStart, fieldTokenStart } = tables;
  const { fieldTokens, fieldAlias } = tables;
  const appCount = ranked.length;

  // Scratch state reused by every keystroke. Stamps avoid clearing arrays between searches:
  // `searchId` marks the apps already ranked in this search, `epoch` the state of one pass.
  let searchId = 0;
  let epoch = 0;
  const candidateStamp = new Uint32Array(appCount);
  const hitStamp = new Uint32Array(appCount);
  const candidates = new Int32Array(appCount);
  let candidateCount = 0;
  const typoStamp = new Uint32Array(tokens.count);
  const typoWords = new Uint16Array(tokens.count);
  let words: string[] = [];
  const rangeFrom = new Int32Array(MAX_WORDS);
  const rangeTo = new Int32Array(MAX_WORDS);
  const exactToken = new Int32Array(MAX_WORDS);
  // Per tier, the best hits so far (in rank order) and the field that matched.
  let capacity = 0;
  let tierApps: Int32Array[] = [];
  let tierFields: Int32Array[] = [];
  const tierCount = new Int32Array(TIERS + 1);
  let stored = 0;

  function ensureCapacity(limit: number): void {
    if (limit <= capacity) return;
    capacity = limit;
    tierApps = Array.from({ length: TIERS + 1 }, () => new Int32Array(limit));
    tierFields = Array.from({ length: TIERS + 1 }, () => new Int32Array(limit));
  }

  function addCandidates(token: number): void {
    for (let p = postingStart[token]!, end = postingStart[token + 1]!; p < end; p++) {
      const app = postings[p]!;
      if (candidateStamp[app] === epoch) continue;
      candidateStamp[app] = epoch;
      candidates[candidateCount++] = app;
    }
  }

  /** Visits the candidates in rank order: sorting a few beats scanning all, not many. */
  function forEachCandidate(visit: (app: number) => boolean): void {
    if (candidateCount * 8 > appCount) {
      for (let app = 0; app < appCount; app++) {
        if (candidateStamp[app] === epoch && !visit(app)) return;
      }
      return;
    }
    const list = candidates.subarray(0, candidateCount).sort();
    for (let i = 0; i < list.length; i++) if (!visit(list[i]!)) return;
  }

  function wordMatchesToken(word: number, token: number, allowTypo: boolean): boolean {
    if (token >= rangeFrom[word]! && token < rangeTo[word]!) return true;
    return allowTypo && typoStamp[token] === epoch && (typoWords[token]! & (1 << word)) !== 0;
  }

  /** Every query word starts some word of the field (in any order). */
  function fieldMatchesAllWords(field: number, allowTypo: boolean): boolean {
    const from = fieldTokenStart[field]!;
    const to = fieldTokenStart[field + 1]!;
    for (let w = 0; w < words.length; w++) {
      let found = false;
      for (let i = from; i < to && !found; i++)
        found = wordMatchesToken(w, fieldTokens[i]!, allowTypo);
      if (!found) return false;
    }
    return true;
  }

  /** Exact name, name prefix (the query reads as the start of the name), or name words. */
  function nameTier(field: number): number {
    const from = fieldTokenStart[field]!;
    const length = fieldTokenStart[field + 1]! - from;
    const last = words.length - 1;
    let inOrder = words.length <= length;
    for (let w = 0; inOrder && w < last; w++) inOrder = fieldTokens[from + w] === exactToken[w];
    if (inOrder && wordMatchesToken(last, fieldTokens[from + last]!, false)) {
      const whole = words.length === length && fieldTokens[from + last] === exactToken[last];
      return whole ? SCORE.exactName : SCORE.namePrefix;
    }
    return fieldMatchesAllWords(field, false) ? SCORE.nameWords : 0;
  }

  function record(app: number, tier: number, field: number): void {
    hitStamp[app] = searchId;
    const count = tierCount[tier]!;
    if (count >= capacity) return;
    tierApps[tier]![count] = app;
    tierFields[tier]![count] = field;
    tierCount[tier] = count + 1;
    stored++;
  }

  function rankExact(app: number): void {
    if (hitStamp[app] === searchId) return;
    let best = 0;
    let bestField = -1;
    for (let f = appFieldStart[app]!, end = appFieldStart[app + 1]!; f < end; f++) {
      const tier =
        fieldAlias[f] === NAME_FIELD
          ? nameTier(f)
          : fieldMatchesAllWords(f, false)
            ? SCORE.alias
            : 0;
      if (tier > best) {
        best = tier;
        bestField = f;
      }
    }
    if (best > 0) record(app, best, bestField);
  }

  function rankExactName(app: number): void {
    if (hitStamp[app] === searchId) return;
    for (let f = appFieldStart[app]!, end = appFieldStart[app + 1]!; f < end; f++) {
      if (fieldAlias[f] === NAME_FIELD && nameTier(f) === SCORE.exactName) {
        record(app, SCORE.exactName, f);
        return;
      }
    }
  }

  function rankTypo(app: number): void {
    if (hitStamp[app] === searchId) return;
    for (let f = appFieldStart[app]!, end = appFieldStart[app + 1]!; f < end; f++) {
      if (fieldMatchesAllWords(f, true)) {
        record(app, SCORE.typo, f);
        return;
      }
    }
  }

  /** Marks the tokens one typo away from `word`; only tokens starting with its 1st or 2nd letter. */
  function markTypoTokens(word: number, pivot: boolean): void {
    const text = words[word]!;
    const buckets = text[0] === text[1] ? [text[0]!] : [text[0]!, text[1]!];
    for (const letter of buckets) {
      const end = tokens.lowerBound(letter + '\uffff');
      for (let t = tokens.lowerBound(letter); t < end; t++) {
        if (t >= rangeFrom[word]! && t < rangeTo[word]!) continue;
        if (!tokens.nearPrefix(t, text)) continue;
        if (typoStamp[t] !== epoch) {
          typoStamp[t] = epoch;
          typoWords[t] = 0;
        }
        typoWords[t]! |= 1 << word;
        if (pivot) addCandidates(t);
      }
    }
  }

  /** Tier entries in rank order; a second pass may have appended out of order. */
  function tierEntries(tier: number, sorted: boolean): number[] {
    const entries = Array.from({ length: tierCount[tier]! }, (_, i) => i);
    const apps = tierApps[tier]!;
    return sorted ? entries : entries.sort((a, b) => apps[a]! - apps[b]!);
  }

  function collectHits(limit: number, sorted: boolean): SearchHit[] {
    const hits: SearchHit[] = [];
    for (let tier = TIERS; tier > 0 && hits.length < limit; tier--) {
      for (const entry of tierEntries(tier, sorted)) {
        if (hits.length === limit) break;
        const app = ranked[tierApps[tier]![entry]!]!;
        const alias = fieldAlias[tierFields[tier]![entry]!]!;
        hits.push(
          alias === NAME_FIELD
            ? { app, score: tier }
            : { app, score: tier, matchedAlias: app.aliases[alias] },
        );
      }
    }
    return hits;
  }

  /** Loads the query words of a pass: their token ranges, and the longest one as the pivot. */
  function setWords(next: string[]): number {
    words = next;
    epoch++;
    candidateCount = 0;
    let pivot = 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      rangeFrom[w] = tokens.lowerBound(word);
      rangeTo[w] = tokens.lowerBound(word + '\uffff');
      exactToken[w] = tokens.equals(rangeFrom[w]!, word) ? rangeFrom[w]! : -1;
      if (word.length > words[pivot]!.length) pivot = w;
    }
    return pivot;
  }

  /** Ranks apps where every word starts a word of the name or of one alias. */
  function exactPass(
    queryWords: string[],
    inCategory: (app: number) => boolean,
    limit: number,
  ): void {
    const pivot = setWords(queryWords);
    // Exact names first. Then candidates come in rank order and can only be name prefixes or
    // less, so once that tier holds `limit` apps, no later one can make the list.
    const exact = exactToken[pivot]!;
    if (exact >= 0) {
      for (let p = postingStart[exact]!; p < postingStart[exact + 1]!; p++) {
        if (inCategory(postings[p]!)) rankExactName(postings[p]!);
      }
    }
    // Every hit must match the longest word, so its apps are the only candidates.
    for (let t = rangeFrom[pivot]!; t < rangeTo[pivot]!; t++) addCandidates(t);
    forEachCandidate((app) => {
      if (inCategory(app)) rankExact(app);
      return tierCount[SCORE.exactName]! + tierCount[SCORE.namePrefix]! < limit;
    });
  }

  /** Ranks, last, apps that match once one typo is forgiven in the longer words. */
  function typoPass(
    queryWords: string[],
    inCategory: (app: number) => boolean,
    limit: number,
  ): void {
    const pivot = setWords(queryWords);
    if (words[pivot]!.length < TYPO_MIN_LENGTH) return;
    for (let t = rangeFrom[pivot]!; t < rangeTo[pivot]!; t++) addCandidates(t);
    for (let w = 0; w < words.length; w++) {
      if (words[w]!.length >= TYPO_MIN_LENGTH) markTypoTokens(w, w === pivot);
    }
    forEachCandidate((app) => {
      if (inCategory(app)) rankTypo(app);
      return stored < limit;
    });
  }

  return (queryWords, category, limit) => {
    ensureCapacity(Math.min(limit, appCount));
    tierCount.fill(0);
    stored = 0;
    searchId++;
    const inCategory = (app: number) =>
      category === undefined || ranked[app]!.categories.includes(category);
    exactPass(queryWords, inCategory, limit);
    // "whats app" and "hub spot" mean the one word: rank those apps too, in their tiers.
    const glued = queryWords.length > 1 ? queryWords.join('') : '';
    const gluedMatches = glued !== '' && tokens.hasPrefix(tokens.lowerBound(glued), glued);
    if (gluedMatches) exactPass([glued], inCategory, limit);
    // Typo hits rank last, so they are only worth finding when exact hits leave room.
    if (stored < limit) typoPass(queryWords, inCategory, limit);
    return collectHits(limit, !gluedMatches);
  };
}
