/**
 * "Did you mean" for misspelt setting names: the known name nearest to an unknown one, when it is near
 * enough to be a typo rather than a different word.
 */

/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`, case ignored. Written
 * here rather than taken from a Levenshtein package: a swapped pair (`nmae`) is the commonest typo and must
 * count as one edit, which plain Levenshtein counts as two.
 */
export function editDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
    for (let j = 1; j <= t.length; j++) {
        d[0][j] = j;
    }
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[s.length][t.length];
}

/**
 * The candidate nearest to `name`, or undefined when none is close: at most one edit for names of up to
 * four characters, two for longer ones (case differences are free).
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
    const limit = name.length <= 4 ? 1 : 2;
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        const distance = editDistance(name, candidate);
        if (distance <= limit && (best === undefined || distance < best.distance)) {
            best = { candidate, distance };
        }
    }
    return best?.candidate;
}

/** ` Did you mean "x"?` for a near miss, else the empty string: appended to an "unknown name" reason. */
export function didYouMean(name: string, candidates: readonly string[]): string {
    const near = closestName(name, candidates);
    return near === undefined ? "" : ` Did you mean "${near}"?`;
}
