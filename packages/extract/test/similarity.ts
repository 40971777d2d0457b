/** Word-level similarity of two texts: 2·LCS / (|a| + |b|) over whitespace-separated words. */
export function wordSimilarity(a: string, b: string): number {
  const x = a.split(/\s+/).filter(Boolean)
  const y = b.split(/\s+/).filter(Boolean)
  if (x.length === 0 && y.length === 0) return 1
  if (x.length === 0 || y.length === 0) return 0
  return (2 * lcsLength(x, y)) / (x.length + y.length)
}

/** Length of the longest common subsequence, O(n·m) time and O(m) memory. */
export function lcsLength(x: string[], y: string[]): number {
  let prev = new Uint32Array(y.length + 1)
  let curr = new Uint32Array(y.length + 1)
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      curr[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, curr[j - 1]!)
    }
    ;[prev, curr] = [curr, prev]
    curr.fill(0)
  }
  return prev[y.length]!
}

/** Normalize text the same way on both sides before comparing (ligatures, dashes, quotes). */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00AD/g, '')
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/g, '-')
}

/** Dot leaders (". . . ." or "......") are not words; drop them before comparing. */
export function withoutLeaders(text: string): string {
  return text.replace(/(?:\s*\.){4,}\s*/g, ' ')
}
