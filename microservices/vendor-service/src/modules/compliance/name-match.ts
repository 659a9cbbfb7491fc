import { distance } from 'fastest-levenshtein';

/**
 * Tolerant comparison of names as printed on Bangladesh documents (NID, trade licence, TIN
 * certificate, bank account), documented in docs/adr/0027-vendors-commission.md:
 *
 * 1. Normalize: Unicode NFKD without accents, lower case, `&` → `and`, punctuation to spaces,
 *    titles dropped (`Mr`, `Mrs`, `Dr`, `Engr`, `Alhaj`, `M/S`, …) and common spellings folded
 *    (`Mohammad`/`Muhammad`/`Mohd` → `md`, `Mosammat`/`Most` → `mst`, `Limited` → `ltd`,
 *    `Private` → `pvt`, `Company` → `co`, `Enterprises` → `enterprise`).
 * 2. Token sort ratio: the tokens sorted and joined, similarity `1 − Levenshtein / longer length`
 *    (word order does not matter: "Uddin Rahim" = "Rahim Uddin").
 * 3. Token set ratio (as in TheFuzz): the shared tokens against each side's full token list, so a
 *    name with an extra word still matches ("Md Rahim Uddin" vs "Rahim Uddin"); it only counts
 *    when at least two tokens are shared, so one common first name is never enough.
 * 4. The score is the larger of the two; names match at or above the threshold (default 0.85,
 *    `VENDOR_NAME_MATCH_THRESHOLD`), which absorbs one-letter transliteration differences
 *    ("Rahman"/"Rahaman").
 */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'engr', 'prof', 'alhaj', 'haji', 'late', 'messrs']);
const FOLDS: Readonly<Record<string, string>> = {
  mohammad: 'md',
  mohammed: 'md',
  muhammad: 'md',
  muhammed: 'md',
  mohamed: 'md',
  mohd: 'md',
  mosammat: 'mst',
  mosammot: 'mst',
  mossammat: 'mst',
  most: 'mst',
  limited: 'ltd',
  private: 'pvt',
  company: 'co',
  enterprises: 'enterprise',
  traders: 'trader',
};

/** The tokens of a name after normalization (step 1). */
export function nameTokens(name: string): string[] {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bm\/s\b/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return plain
    .split(' ')
    .filter((t) => t.length > 0 && !TITLES.has(t))
    .map((t) => FOLDS[t] ?? t);
}

function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

/** How alike two names are, 0..1 (steps 2–4 without the threshold). */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const sortRatio = similarity([...ta].sort().join(' '), [...tb].sort().join(' '));
  const setA = new Set(ta);
  const setB = new Set(tb);
  const shared = [...setA].filter((t) => setB.has(t)).sort();
  if (shared.length < 2) return sortRatio;
  const onlyA = [...setA].filter((t) => !setB.has(t)).sort();
  const onlyB = [...setB].filter((t) => !setA.has(t)).sort();
  const t0 = shared.join(' ');
  const t1 = [...shared, ...onlyA].join(' ');
  const t2 = [...shared, ...onlyB].join(' ');
  return Math.max(sortRatio, similarity(t0, t1), similarity(t0, t2), similarity(t1, t2));
}

/** True when the names match at `threshold` or above. */
export function namesMatch(a: string, b: string, threshold: number): boolean {
  return nameSimilarity(a, b) >= threshold;
}
