import type {Root} from '@folio/ast'
import {lcs} from 'fast-myers-diff'
import {type CellFact, collect, type TreeFacts} from './collect.js'
import {normalizeText, PAGE_MARK, tokens, words} from './text.js'

/** A tree, or the facts already read from one. */
export type Tree = Root | TreeFacts

/** How many examples a metric keeps for the report. */
const exampleLimit = 12

/** List items match when their words are at least this similar. */
export const listItemThreshold = 0.9

function factsOf(tree: Tree): TreeFacts {
  return 'type' in tree ? collect(tree) : tree
}

function ratio(hit: number, of: number): number | null {
  return of === 0 ? null : hit / of
}

export interface HeadingScore {
  gold: number
  found: number
  matched: number
  /** matched / found; null when nothing was found. */
  precision: number | null
  /** matched / gold; null when the gold has no headings. */
  recall: number | null
  /** Matched headings whose level agrees with the gold. */
  levelAgreed: number
  /** levelAgreed / matched; null when nothing matched. */
  levelAgreement: number | null
  missing: string[]
  unexpected: string[]
  wrongLevel: Array<{text: string; gold: number; found: number}>
}

/**
 * Heading precision and recall, matched by normalized text (the printed
 * number and the heading words, so `3.1 Methods` matches whether the number
 * sits in `numbering` or in the text); level agreement over the matches.
 */
export function headingScore(gold: Tree, output: Tree): HeadingScore {
  const expected = factsOf(gold).headings
  const found = factsOf(output).headings
  const open = new Map<string, number[]>()
  expected.forEach((heading, index) => {
    const list = open.get(heading.key) ?? []
    list.push(index)
    open.set(heading.key, list)
  })
  const matchedGold = new Set<number>()
  const unexpected: string[] = []
  const wrongLevel: HeadingScore['wrongLevel'] = []
  let levelAgreed = 0
  for (const heading of found) {
    const index = open.get(heading.key)?.shift()
    if (index === undefined) {
      unexpected.push(heading.text)
      continue
    }
    matchedGold.add(index)
    const want = expected[index]!
    if (want.depth === heading.depth) levelAgreed++
    else wrongLevel.push({text: want.text, gold: want.depth, found: heading.depth})
  }
  const matched = matchedGold.size
  return {
    gold: expected.length,
    found: found.length,
    matched,
    precision: ratio(matched, found.length),
    recall: ratio(matched, expected.length),
    levelAgreed,
    levelAgreement: ratio(levelAgreed, matched),
    missing: expected.filter((_, index) => !matchedGold.has(index)).map((heading) => heading.text),
    unexpected: unexpected.slice(0, exampleLimit),
    wrongLevel: wrongLevel.slice(0, exampleLimit),
  }
}

/** Word similarity of two word sequences: 2 × common words / all words (1 when both are empty). */
export function sequenceSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1
  return (2 * commonCount(diffWords(a, b))) / (a.length + b.length)
}

/** A run of words both sequences share: start in the first, start in the second, length. */
type CommonRun = [number, number, number]

/**
 * The longest common subsequence of two word sequences, as runs (a Myers
 * diff in linear space over word ids, which keeps long, badly ordered
 * documents affordable).
 */
function diffWords(a: readonly string[], b: readonly string[]): CommonRun[] {
  const ids = new Map<string, number>()
  const id = (word: string): number => {
    let value = ids.get(word)
    if (value === undefined) {
      value = ids.size
      ids.set(word, value)
    }
    return value
  }
  return [...lcs(Int32Array.from(a, id), Int32Array.from(b, id))]
}

function commonCount(runs: readonly CommonRun[]): number {
  let count = 0
  for (const [, , length] of runs) count += length
  return count
}

export interface ListItemScore {
  gold: number
  found: number
  matched: number
  /** matched / gold; null when the gold has no list items. */
  recall: number | null
  missing: string[]
}

/** The letters of a word sequence, so that a split or joined word does not unmatch an item. */
function letters(list: readonly string[]): string {
  return list.join('').replaceAll('-', '')
}

/**
 * List-item recall: gold items found as list items with matching text (word
 * similarity at least `listItemThreshold`, or the same letters once spaces and
 * hyphens are ignored, so a broken word does not unmatch an item but a merged
 * or truncated item does). Each found item matches
 * one gold item at most.
 */
export function listItemScore(gold: Tree, output: Tree): ListItemScore {
  const expected = factsOf(gold).listItems.map(words)
  const found = factsOf(output).listItems.map(words)
  const foundLetters = found.map(letters)
  const used = new Set<number>()
  const missing: string[] = []
  let matched = 0
  for (const item of expected) {
    const key = letters(item)
    let best = -1
    let bestSimilarity = 0
    for (let index = 0; index < found.length; index++) {
      if (used.has(index)) continue
      const candidate = found[index]!
      if (foundLetters[index] === key) {
        best = index
        bestSimilarity = 1
        break
      }
      const longer = Math.max(candidate.length, item.length)
      const shorter = Math.min(candidate.length, item.length)
      // Two sequences this different in length cannot reach the threshold.
      if ((2 * shorter) / (shorter + longer) < listItemThreshold) continue
      const similarity = sequenceSimilarity(item, candidate)
      if (similarity > bestSimilarity) {
        best = index
        bestSimilarity = similarity
      }
    }
    if (best >= 0 && bestSimilarity >= listItemThreshold) {
      used.add(best)
      matched++
    } else if (missing.length < exampleLimit) {
      missing.push(truncate(item.join(' ')))
    }
  }
  return {gold: expected.length, found: found.length, matched, recall: ratio(matched, expected.length), missing}
}

export interface TextScore {
  goldWords: number
  foundWords: number
  commonWords: number
  /** 2 × common / (gold + found), over body words in reading order. */
  similarity: number
  /** The first places where they differ: gold words missing (`-`) and words added (`+`), with context. */
  differences: string[]
}

/**
 * Text similarity: the body words of both trees in reading order, compared by
 * their longest common subsequence (a Myers diff). Dropped, added and
 * shuffled text all lower it.
 */
export function textScore(gold: Tree, output: Tree): TextScore {
  return bodyComparison(factsOf(gold), factsOf(output)).text
}

interface BodyComparison {
  text: TextScore
  /** Runs of words the gold and the output share, in order. */
  common: CommonRun[]
  outputWords: string[]
  /** Indices of output words that begin a block, that end one, and that touch a page break inside one. */
  starts: Set<number>
  ends: Set<number>
  breaks: Set<number>
}

interface BlockWords {
  all: string[]
  /** Indices of words that begin a block, that end one, and that touch a page break inside one. */
  starts: Set<number>
  ends: Set<number>
  breaks: Set<number>
}

function blockWords(blocks: readonly string[]): BlockWords {
  const all: string[] = []
  const starts = new Set<number>()
  const ends = new Set<number>()
  const breaks = new Set<number>()
  for (const block of blocks) {
    const list = words(block)
    if (list.length === 0) continue
    const base = all.length
    starts.add(base)
    all.push(...list)
    ends.add(all.length - 1)
    for (let mark = block.indexOf(PAGE_MARK); mark >= 0; mark = block.indexOf(PAGE_MARK, mark + 1)) {
      const before = words(block.slice(0, mark)).length
      if (before > 0) breaks.add(base + before - 1)
      if (before < list.length) breaks.add(base + before)
    }
  }
  return {all, starts, ends, breaks}
}

function bodyComparison(gold: TreeFacts, output: TreeFacts): BodyComparison {
  const expected = blockWords(gold.blocks).all
  const {all: found, starts, ends, breaks} = blockWords(output.blocks)
  const runs = diffWords(expected, found)
  const common = commonCount(runs)
  const total = expected.length + found.length
  return {
    text: {
      goldWords: expected.length,
      foundWords: found.length,
      commonWords: common,
      similarity: total === 0 ? 1 : (2 * common) / total,
      differences: differences(expected, found, runs),
    },
    common: runs,
    outputWords: found,
    starts,
    ends,
    breaks,
  }
}

/** Describes the first gaps between common runs, each with a word of context before it. */
function differences(gold: readonly string[], found: readonly string[], runs: readonly CommonRun[]): string[] {
  const result: string[] = []
  let goldAt = 0
  let foundAt = 0
  for (const [goldStart, foundStart, length] of [...runs, [gold.length, found.length, 0] as CommonRun]) {
    if (result.length >= exampleLimit) break
    if (goldStart > goldAt || foundStart > foundAt) {
      const before = gold[goldAt - 1] ?? ''
      const parts: string[] = []
      if (goldStart > goldAt) parts.push(`-[${truncate(gold.slice(goldAt, goldStart).join(' '))}]`)
      if (foundStart > foundAt) parts.push(`+[${truncate(found.slice(foundAt, foundStart).join(' '))}]`)
      result.push(`${before ? `${before} ` : ''}${parts.join(' ')}`)
    }
    goldAt = goldStart + length
    foundAt = foundStart + length
  }
  return result
}

export interface CountScore {
  count: number
  examples: string[]
}

function bodyTokens(facts: TreeFacts): string[] {
  return facts.blocks.flatMap(tokens)
}

function vocabulary(list: readonly string[]): Set<string> {
  return new Set(list.map((token) => (token.endsWith('-') ? token.slice(0, -1) : token)))
}

/**
 * Broken words: gold words that come out split, with a space (`gov ernment`),
 * a hyphen and a space (`gov- ernment`) or a leftover hyphen (`gov-ernment`).
 * A pair of output tokens counts when it joins into a gold word and the gold
 * never has that pair side by side; without a hyphen, one half must not be a
 * gold word on its own (so `a round` is not read as a broken `around`).
 */
export function brokenWords(gold: Tree, output: Tree): CountScore {
  const goldTokens = bodyTokens(factsOf(gold))
  const found = bodyTokens(factsOf(output))
  const known = vocabulary(goldTokens)
  const goldPairs = new Set<string>()
  for (let index = 0; index + 1 < goldTokens.length; index++) {
    goldPairs.add(`${goldTokens[index]} ${goldTokens[index + 1]}`)
  }
  const examples: string[] = []
  let count = 0
  const record = (example: string): void => {
    count++
    if (examples.length < exampleLimit) examples.push(example)
  }
  for (let index = 0; index < found.length; index++) {
    const token = found[index]!
    const next = found[index + 1]
    if (next !== undefined && !goldPairs.has(`${token} ${next}`)) {
      const hyphen = token.endsWith('-')
      const stem = hyphen ? token.slice(0, -1) : token
      const bare = next.endsWith('-') ? next.slice(0, -1) : next
      const joins = known.has(stem + bare) || (hyphen && known.has(`${stem}-${bare}`))
      // `a re- evaluation`: `re-` opens a split of its own, so it does not close one with `a`.
      const opensSplit = !hyphen && next.endsWith('-')
      if (joins && !opensSplit && (hyphen || !known.has(stem) || !known.has(bare))) {
        record(`${token} ${next}`)
        index++
        continue
      }
    }
    const bare = token.endsWith('-') ? token.slice(0, -1) : token
    if (bare.includes('-') && !known.has(bare)) {
      for (let at = bare.indexOf('-'); at >= 0; at = bare.indexOf('-', at + 1)) {
        if (known.has(bare.slice(0, at) + bare.slice(at + 1))) {
          record(bare)
          break
        }
      }
    }
  }
  return {count, examples}
}

/**
 * Over-joins: gold hyphenated compounds that come out without their hyphen
 * (`longterm` for `long-term`), where the joined form is not itself a gold word.
 */
export function overJoins(gold: Tree, output: Tree): CountScore {
  const goldTokens = bodyTokens(factsOf(gold))
  const known = vocabulary(goldTokens)
  const compounds = new Map<string, string>()
  for (const word of known) if (word.includes('-')) compounds.set(word.replaceAll('-', ''), word)
  const examples: string[] = []
  let count = 0
  for (const token of bodyTokens(factsOf(output))) {
    const bare = token.endsWith('-') ? token.slice(0, -1) : token
    if (bare.includes('-') || known.has(bare)) continue
    const compound = compounds.get(bare)
    if (compound === undefined) continue
    count++
    if (examples.length < exampleLimit) examples.push(`${bare} (${compound})`)
  }
  return {count, examples}
}

export interface ArtifactScore extends CountScore {
  /** Running header and footer lines in the body. */
  furniture: number
  /** Page numbers the gold lacks: a block of their own, at a block's start or end, or next to a page break. */
  pageNumbers: number
  /** Contents lines (title then page) in the body. */
  contents: number
}

export interface ArtifactOptions {
  /** Running header and footer lines: declared by the fixture, or found in the page margins of the PDF. */
  artifacts?: readonly string[]
}

const roman = /^(?=[ivxlcdm]{2,}$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/
const leaderLine = /(?:\.\s?){4,}\s*[\divxlcdm]+$/i

/**
 * Artifact leaks: page furniture found in the body. Only output words that
 * the word diff cannot align with the gold count, and each leaked word counts
 * once, under the first of three kinds that claims it: contents lines (a gold
 * contents entry's title followed by its page, or a dot-leader line when the
 * gold has no contents), running lines (`options.artifacts`: header and
 * footer text), and page numbers (a number up to the page count, or a roman
 * numeral, that the gold lacks: a block of its own, at a block's start or
 * end, or next to a page break inside a block; see the rule below).
 */
export function artifactLeaks(gold: Tree, output: Tree, options: ArtifactOptions = {}): ArtifactScore {
  return artifactScore(factsOf(gold), factsOf(output), bodyComparison(factsOf(gold), factsOf(output)), options)
}

function artifactScore(
  gold: TreeFacts,
  output: TreeFacts,
  comparison: BodyComparison,
  options: ArtifactOptions,
): ArtifactScore {
  const {outputWords, starts, ends, breaks} = comparison
  // Output words the diff could not align with the gold: only these can be leaks.
  const added: boolean[] = new Array(outputWords.length).fill(true)
  for (const [, start, length] of comparison.common) added.fill(false, start, start + length)
  // Each leaked word counts once, under the first kind that claims it.
  const claimed: boolean[] = new Array(outputWords.length).fill(false)
  const examples: string[] = []
  const leaks = (needle: readonly string[], label: string): number => {
    let count = 0
    for (const start of runStarts(outputWords, needle)) {
      const end = start + needle.length
      if (!added.slice(start, end).some(Boolean) || claimed.slice(start, end).some(Boolean)) continue
      claimed.fill(true, start, end)
      // A contents line leaks with its section number (`1.1 Who is left out 3`): one leak.
      for (let before = start - 1; label === 'contents' && before >= start - 4 && before >= 0; before--) {
        if (!added[before] || claimed[before] || !/^\d+$/.test(outputWords[before]!)) break
        claimed[before] = true
      }
      count++
      if (examples.length < exampleLimit) examples.push(`${label} ${truncate(needle.join(' '))}`)
    }
    return count
  }

  let contents = 0
  if (gold.toc.length > 0) {
    for (const entry of gold.toc) {
      if (entry.page !== undefined) contents += leaks([...words(entry.title), ...words(entry.page)], 'contents')
    }
  } else {
    const goldLines = new Set(gold.blocks.map((block) => block.trim()))
    for (const block of output.blocks) {
      const line = block.trim()
      if (leaderLine.test(line) && !goldLines.has(line)) {
        contents++
        if (examples.length < exampleLimit) examples.push(`contents ${truncate(line)}`)
      }
    }
  }

  const maxPage = Math.max(output.pages ?? 0, gold.pages ?? 0) || 9999
  const isNumber = (word: string): boolean => /^\d{1,4}$/.test(word) && Number(word) >= 1 && Number(word) <= maxPage
  let furniture = 0
  const needles = (options.artifacts ?? []).map(words).filter((needle) => needle.length > 0)
  needles.sort((a, b) => b.length - a.length)
  for (const needle of needles) {
    // Printed page numbers, declared or not, are judged by position below.
    if (needle.length === 1 && (isNumber(needle[0]!) || roman.test(needle[0]!))) continue
    furniture += leaks(needle, 'furniture')
  }

  // A printed page number leaks as a block of its own, at the end of a
  // page's last block, at the start of the next page's first block, or next
  // to a page break inside a block. A number that opens a longer block and is
  // a gold footnote label is that note's label; a roman numeral counts only
  // alone or at a block's end (`vi` opening a block is more likely a broken word).
  //
  // The gold prints numbers in those places too: a table cell holding a
  // number is a block of its own, and `… set out in Table 2` ends with one.
  // Such a place (the number alone, or the number and the word before it at
  // a block's end) excuses an output number in the same place that the diff
  // aligned elsewhere, as often as the gold has it and the output has not
  // already used it for an aligned number.
  const labels = new Set(gold.footnoteLabels.flatMap(words))
  const isPageLike = (word: string): boolean => isNumber(word) || roman.test(word)
  const goldPlaces = new Map<string, number>()
  for (const block of gold.blocks) {
    const list = words(block)
    const last = list.at(-1)
    if (last === undefined || !isPageLike(last)) continue
    const key = list.length === 1 ? last : `${list.at(-2)} ${last}`
    goldPlaces.set(key, (goldPlaces.get(key) ?? 0) + 1)
  }
  const placeKey = (index: number): string =>
    starts.has(index) ? outputWords[index]! : `${outputWords[index - 1]} ${outputWords[index]}`
  outputWords.forEach((word, index) => {
    if (added[index] || !ends.has(index) || !isPageLike(word)) return
    const key = placeKey(index)
    const left = goldPlaces.get(key)
    if (left !== undefined) goldPlaces.set(key, left - 1)
  })
  let pageNumbers = 0
  outputWords.forEach((word, index) => {
    if (!added[index] || claimed[index]) return
    const alone = starts.has(index) && ends.has(index)
    let leak = false
    if (isNumber(word)) {
      const opensBlock = starts.has(index) && !alone
      leak = opensBlock ? !labels.has(word) : alone || ends.has(index) || breaks.has(index)
    } else if (roman.test(word)) {
      leak = alone || ends.has(index)
    }
    if (leak && ends.has(index)) {
      const key = placeKey(index)
      const left = goldPlaces.get(key) ?? 0
      if (left > 0) {
        goldPlaces.set(key, left - 1)
        leak = false
      }
    }
    if (!leak) return
    claimed[index] = true
    pageNumbers++
    if (examples.length < exampleLimit) examples.push(`page number ${word}`)
  })

  return {count: furniture + pageNumbers + contents, furniture, pageNumbers, contents, examples}
}

/** Start indices of the non-overlapping runs of `needle` in `haystack`. */
function runStarts(haystack: readonly string[], needle: readonly string[]): number[] {
  const starts: number[] = []
  if (needle.length === 0) return starts
  for (let index = 0; index + needle.length <= haystack.length; index++) {
    let match = true
    for (let offset = 0; offset < needle.length && match; offset++) {
      match = haystack[index + offset] === needle[offset]
    }
    if (match) {
      starts.push(index)
      index += needle.length - 1
    }
  }
  return starts
}

export interface TableScore {
  /** Tables in the gold and in the output. */
  gold: number
  found: number
  /** Gold tables matched by an output table, one to one. */
  matched: number
  /** matched / found; null when the gold has no tables (or nothing was found). */
  precision: number | null
  /** matched / gold; null when the gold has no tables. */
  recall: number | null
  /** Cells of the gold tables that have text. */
  goldCells: number
  /** Of those, cells found with the same text in the matched table, in the matching row and the same column. */
  cellsRight: number
  /** cellsRight / goldCells; null when the gold has no tables. */
  cellAccuracy: number | null
  /** Gold header cells found right and marked as header cells. */
  goldHeaderCells: number
  headerCellsRight: number
  /** Cells with text in the matched output tables that hold no gold cell of their table (a row too many, body text). */
  extraCells: number
  /** Gold tables that no output table matches, by their first cells. */
  missing: string[]
  /** Cells found in the wrong place or not at all: `row:column text`. */
  wrongCells: string[]
}

/**
 * A gold table matches an output table when their cell texts (anywhere in
 * the table) agree this much: 2 × shared cells ÷ (gold cells + output cells).
 */
export const tableMatchThreshold = 0.5

/** The text of a cell as cell matching compares it: its letters and digits, spaces and hyphens left out. */
function cellKey(text: string): string {
  return letters(words(text))
}

/** How many of `gold`'s keys `found` holds too, each key of `found` used once. */
function sharedKeys(gold: readonly string[], found: readonly string[]): number {
  const bag = new Map<string, number>()
  for (const key of found) bag.set(key, (bag.get(key) ?? 0) + 1)
  let shared = 0
  for (const key of gold) {
    const left = bag.get(key) ?? 0
    if (left === 0) continue
    bag.set(key, left - 1)
    shared++
  }
  return shared
}

/**
 * Table recall and precision, cell accuracy. A gold table matches the output
 * table (each used once) whose cell texts agree most with its own (2 ×
 * shared ÷ all cells of both, at least `tableMatchThreshold`: a table grown
 * with the paragraphs around it is no match). Within a matched pair, each gold row is paired
 * with the output row sharing most of its cell texts (rows used once, so an
 * extra or missing row shifts nothing), and a gold cell is right when the
 * paired row has the same text in the same column. Cells of unmatched gold
 * tables are all wrong. Text is compared by letters and digits alone, so a
 * hyphen or space lost at a line end inside a cell does not count here (the
 * text metrics count it).
 */
export function tableScore(gold: Tree, output: Tree): TableScore {
  const expected = factsOf(gold).tables
  const found = factsOf(output).tables
  const keysOf = (rows: readonly (readonly CellFact[])[]): string[][] =>
    rows.map((row) => row.map((cell) => cellKey(cell.text)))
  const foundKeys = found.map((table) => keysOf(table.rows))
  const used = new Set<number>()
  const missing: string[] = []
  const wrongCells: string[] = []
  let matched = 0
  let goldCells = 0
  let cellsRight = 0
  let goldHeaderCells = 0
  let headerCellsRight = 0
  let extraCells = 0
  for (const table of expected) {
    const keys = keysOf(table.rows)
    const flat = keys.flat().filter(Boolean)
    goldCells += flat.length
    goldHeaderCells += table.rows.flat().filter((cell) => cell.header && cellKey(cell.text)).length
    let best = -1
    let bestShare = 0
    foundKeys.forEach((candidate, index) => {
      if (used.has(index) || flat.length === 0) return
      const cells = candidate.flat().filter(Boolean)
      const share = (2 * sharedKeys(flat, cells)) / (flat.length + cells.length)
      if (share > bestShare) {
        best = index
        bestShare = share
      }
    })
    if (best < 0 || bestShare < tableMatchThreshold) {
      const first = table.rows.flat().filter((cell) => cellKey(cell.text))
      if (missing.length < exampleLimit) {
        missing.push(
          truncate(
            first
              .slice(0, 4)
              .map((cell) => normalizeText(cell.text))
              .join(' | '),
          ),
        )
      }
      continue
    }
    used.add(best)
    matched++
    const candidateCells = foundKeys[best]!.flat().filter(Boolean)
    extraCells += candidateCells.length - sharedKeys(flat, candidateCells)
    const candidateRows = foundKeys[best]!
    const candidateFacts = found[best]!.rows
    const rowUsed = new Set<number>()
    keys.forEach((row, rowIndex) => {
      let pair = -1
      let pairShared = 0
      candidateRows.forEach((candidate, index) => {
        if (rowUsed.has(index)) return
        const shared = sharedKeys(row.filter(Boolean), candidate)
        // Ties go to the nearest row, so equal rows pair in order.
        if (
          shared > pairShared ||
          (shared === pairShared && shared > 0 && Math.abs(index - rowIndex) < Math.abs(pair - rowIndex))
        ) {
          pair = index
          pairShared = shared
        }
      })
      if (pair >= 0) rowUsed.add(pair)
      row.forEach((key, column) => {
        if (!key) return
        const right = pair >= 0 && candidateRows[pair]![column] === key
        if (right) {
          cellsRight++
          const goldCell = table.rows[rowIndex]![column]!
          if (goldCell.header && candidateFacts[pair]![column]!.header) headerCellsRight++
        } else if (wrongCells.length < exampleLimit) {
          wrongCells.push(
            `${rowIndex + 1}:${column + 1} ${truncate(normalizeText(table.rows[rowIndex]![column]!.text))}`,
          )
        }
      })
    })
  }
  const none = expected.length === 0
  return {
    gold: expected.length,
    found: found.length,
    matched,
    precision: none ? null : ratio(used.size, found.length),
    recall: ratio(matched, expected.length),
    goldCells,
    cellsRight,
    cellAccuracy: none ? null : ratio(cellsRight, goldCells),
    goldHeaderCells,
    headerCellsRight,
    extraCells,
    missing,
    wrongCells,
  }
}

export interface AsideScore {
  gold: number
  found: number
  /** Gold asides whose text an output aside holds, one to one. */
  matched: number
  /** Matched asides of the gold's kind. */
  kindAgreed: number
  /** matched / found; null when the gold has no asides (or nothing was found). */
  precision: number | null
  /** matched / gold; null when the gold has no asides. */
  recall: number | null
  missing: string[]
}

/** An output aside holds a gold aside when their words are at least this similar. */
export const asideThreshold = 0.9

/**
 * Aside recall and precision: a gold aside (a sidebar, a call-out) is found
 * when an output aside (each used once) has at least `asideThreshold` word
 * similarity with it, title included. An aside dissolved into the body, cut
 * in two, or swollen with body text is not found; its kind is reported
 * (`kindAgreed`), not required.
 */
export function asideScore(gold: Tree, output: Tree): AsideScore {
  const expected = factsOf(gold).asides
  const found = factsOf(output).asides
  const foundWords = found.map((aside) => words(aside.text))
  const used = new Set<number>()
  const missing: string[] = []
  let matched = 0
  let kindAgreed = 0
  for (const aside of expected) {
    const list = words(aside.text)
    let best = -1
    let bestSimilarity = 0
    foundWords.forEach((candidate, index) => {
      if (used.has(index)) return
      const longer = Math.max(candidate.length, list.length)
      const shorter = Math.min(candidate.length, list.length)
      if (longer === 0 || (2 * shorter) / (shorter + longer) < asideThreshold) return
      const similarity = sequenceSimilarity(list, candidate)
      if (similarity > bestSimilarity) {
        best = index
        bestSimilarity = similarity
      }
    })
    if (best >= 0 && bestSimilarity >= asideThreshold) {
      used.add(best)
      matched++
      if (found[best]!.kind === aside.kind) kindAgreed++
    } else if (missing.length < exampleLimit) {
      missing.push(`${aside.kind} ${truncate(list.join(' '))}`)
    }
  }
  const none = expected.length === 0
  return {
    gold: expected.length,
    found: found.length,
    matched,
    kindAgreed,
    precision: none ? null : ratio(used.size, found.length),
    recall: ratio(matched, expected.length),
    missing,
  }
}

/** Every metric of one document. */
export interface DocumentScore {
  headings: HeadingScore
  listItems: ListItemScore
  text: TextScore
  brokenWords: CountScore
  overJoins: CountScore
  artifactLeaks: ArtifactScore
  tables: TableScore
  asides: AsideScore
}

/** Scores an output tree against its gold tree. */
export function score(gold: Root, output: Root, options: ArtifactOptions = {}): DocumentScore {
  const expected = collect(gold)
  const found = collect(output)
  const comparison = bodyComparison(expected, found)
  return {
    headings: headingScore(expected, found),
    listItems: listItemScore(expected, found),
    text: comparison.text,
    brokenWords: brokenWords(expected, found),
    overJoins: overJoins(expected, found),
    artifactLeaks: artifactScore(expected, found, comparison, options),
    tables: tableScore(expected, found),
    asides: asideScore(expected, found),
  }
}

/** The total over many documents: ratios pooled over all counts, counts summed. */
export interface TotalScore {
  documents: number
  headingPrecision: number | null
  headingRecall: number | null
  levelAgreement: number | null
  listItemRecall: number | null
  textSimilarity: number | null
  brokenWords: number
  overJoins: number
  artifactLeaks: number
  /** Pooled over the documents whose gold has tables (null when none has). */
  tableRecall: number | null
  tablePrecision: number | null
  cellAccuracy: number | null
  /** Pooled over the documents whose gold has asides (null when none has). */
  asideRecall: number | null
  asidePrecision: number | null
}

export function total(scores: readonly DocumentScore[]): TotalScore {
  const sum = (pick: (entry: DocumentScore) => number): number =>
    scores.reduce((accumulator, entry) => accumulator + pick(entry), 0)
  return {
    documents: scores.length,
    headingPrecision: ratio(
      sum((entry) => entry.headings.matched),
      sum((entry) => entry.headings.found),
    ),
    headingRecall: ratio(
      sum((entry) => entry.headings.matched),
      sum((entry) => entry.headings.gold),
    ),
    levelAgreement: ratio(
      sum((entry) => entry.headings.levelAgreed),
      sum((entry) => entry.headings.matched),
    ),
    listItemRecall: ratio(
      sum((entry) => entry.listItems.matched),
      sum((entry) => entry.listItems.gold),
    ),
    textSimilarity: ratio(
      sum((entry) => 2 * entry.text.commonWords),
      sum((entry) => entry.text.goldWords + entry.text.foundWords),
    ),
    brokenWords: sum((entry) => entry.brokenWords.count),
    overJoins: sum((entry) => entry.overJoins.count),
    artifactLeaks: sum((entry) => entry.artifactLeaks.count),
    tableRecall: ratio(
      sum((entry) => entry.tables.matched),
      sum((entry) => entry.tables.gold),
    ),
    tablePrecision: ratio(
      sum((entry) => (entry.tables.gold > 0 ? entry.tables.matched : 0)),
      sum((entry) => (entry.tables.gold > 0 ? entry.tables.found : 0)),
    ),
    cellAccuracy: ratio(
      sum((entry) => entry.tables.cellsRight),
      sum((entry) => entry.tables.goldCells),
    ),
    asideRecall: ratio(
      sum((entry) => entry.asides.matched),
      sum((entry) => entry.asides.gold),
    ),
    asidePrecision: ratio(
      sum((entry) => (entry.asides.gold > 0 ? entry.asides.matched : 0)),
      sum((entry) => (entry.asides.gold > 0 ? entry.asides.found : 0)),
    ),
  }
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value
}
