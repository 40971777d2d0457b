import type {PhrasingContent, Root} from '@folio/ast'
import {u} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import {
  artifactLeaks,
  brokenWords,
  collect,
  headingScore,
  listItemScore,
  overJoins,
  score,
  textScore,
  tokens,
  total,
  words,
} from '../src/index.js'

const t = (value: string): PhrasingContent => u.text(value)
const p = (value: string) => u.paragraph([t(value)])

const intro =
  'The alliance was signed in May, including a clause on long-term cooperation between the government and its partners.'
const motives =
  'Competing powers in the region watch closely, since Sino-Russo clout grows and Israel seeks a decision-making role.'
const items = [
  'Undermining growing clout in the Middle East: the pact limits rival influence.',
  'Protecting shipping lanes: navies patrol the Strait together every season.',
  'Financing development: new funds go to ports, roads and power plants.',
]
const conclusion = 'The primary question is whether the long-term promises survive a change of government.'

/** A small gold tree: an unheaded introduction, two sections, a sub-section and a list. */
function gold(): Root {
  return u.root({title: 'A report', lang: 'en', source: {pages: 12, tagged: false, encrypted: false}}, [
    u.toc([u.tocEntry('Motives', 1, '3'), u.tocEntry('Conclusion', 1, '11')]),
    p(intro),
    u.section(1, [
      u.heading(1, [t('Motives')]),
      p(motives),
      u.list(
        false,
        items.map((item) => {
          const [lead, rest] = item.split(':')
          return u.listItem([u.paragraph([u.strong([t(`${lead}:`)]), t(rest ?? '')])])
        }),
        {marker: '■'},
      ),
      u.section(2, [u.heading(2, [t('Methods')], {numbering: '1.1'}), p('We read the treaty text.')]),
    ]),
    u.section(1, [u.heading(1, [t('Conclusion')]), p(conclusion)]),
  ])
}

/** A copy of the gold with one change applied to a fresh clone. */
function variant(change: (tree: Root) => void): Root {
  const tree = structuredClone(gold())
  change(tree)
  return tree
}

/** Replaces text in every text node of a tree. */
function replaceText(tree: Root, from: string | RegExp, to: string): void {
  const walk = (node: {type: string; value?: string; children?: unknown[]}): void => {
    if (node.type === 'text' && typeof node.value === 'string') node.value = node.value.replace(from, to)
    for (const child of node.children ?? []) walk(child as typeof node)
  }
  walk(tree)
}

describe('text helpers', () => {
  it('normalizes case, quotes, hyphen variants and invisible characters', () => {
    expect(words('Don\u2019t  re\u00adsign the Long\u2011Term deal')).toEqual([
      "don't",
      'resign',
      'the',
      'long-term',
      'deal',
    ])
  })

  it('keeps a trailing hyphen as a token mark for broken words', () => {
    expect(tokens('(in- cluding, “Sino-Russo”)')).toEqual(['in-', 'cluding', 'sino-russo'])
  })
})

describe('a perfect output', () => {
  it('scores perfectly on every metric', () => {
    const result = score(gold(), gold(), {artifacts: ['www.example-institute.org']})
    expect(result.headings).toMatchObject({gold: 3, found: 3, matched: 3, precision: 1, recall: 1, levelAgreement: 1})
    expect(result.listItems).toMatchObject({gold: 3, matched: 3, recall: 1})
    expect(result.text.similarity).toBe(1)
    expect(result.brokenWords.count).toBe(0)
    expect(result.overJoins.count).toBe(0)
    expect(result.artifactLeaks.count).toBe(0)
  })

  it('keeps the contents out of the body words', () => {
    const facts = collect(gold())
    expect(facts.toc).toEqual([
      {title: 'Motives', page: '3'},
      {title: 'Conclusion', page: '11'},
    ])
    expect(facts.blocks.join(' ')).not.toMatch(/Conclusion 11/)
  })
})

describe('headings', () => {
  it('loses recall when a heading is dropped', () => {
    const output = variant((tree) => {
      const section = tree.children[3]
      if (section?.type === 'section') section.children.splice(0, 1, p('Conclusion'))
      tree.children.splice(3, 1, ...(section?.type === 'section' ? (section.children as Root['children']) : []))
    })
    const result = headingScore(gold(), output)
    expect(result.recall).toBeCloseTo(2 / 3)
    expect(result.precision).toBe(1)
    expect(result.missing).toEqual(['conclusion'])
  })

  it('loses precision when a paragraph is taken for a heading', () => {
    const output = variant((tree) => {
      tree.children.splice(1, 1, u.section(1, [u.heading(1, [t(intro)])]))
    })
    const result = headingScore(gold(), output)
    expect(result.precision).toBeCloseTo(3 / 4)
    expect(result.recall).toBe(1)
  })

  it('loses level agreement, not recall, when a level is wrong', () => {
    const output = variant((tree) => {
      const section = tree.children[2]
      if (section?.type !== 'section') throw new Error('fixture shape')
      const sub = section.children[3]
      if (sub?.type !== 'section') throw new Error('fixture shape')
      const heading = sub.children[0]
      if (heading?.type === 'heading') heading.depth = 1
    })
    const result = headingScore(gold(), output)
    expect(result.recall).toBe(1)
    expect(result.levelAgreement).toBeCloseTo(2 / 3)
    expect(result.wrongLevel).toEqual([{text: '1.1 methods', gold: 2, found: 1}])
  })

  it('matches a printed number whether it sits in numbering or in the text', () => {
    const output = variant((tree) => replaceText(tree, /^Methods$/, '1.1. Methods'))
    const section = output.children[2]
    if (section?.type === 'section' && section.children[3]?.type === 'section') {
      const heading = section.children[3].children[0]
      if (heading?.type === 'heading') delete heading.numbering
    }
    expect(headingScore(gold(), output).recall).toBe(1)
  })
})

describe('list items', () => {
  it('loses recall when the list is flattened into a paragraph', () => {
    const output = variant((tree) => {
      const section = tree.children[2]
      if (section?.type !== 'section') throw new Error('fixture shape')
      section.children.splice(2, 1, p(items.join(' ')))
    })
    const result = listItemScore(gold(), output)
    expect(result.recall).toBe(0)
    expect(result.missing).toHaveLength(3)
    // The words are all there, so text similarity barely moves: the list metric is the one that catches it.
    expect(textScore(gold(), output).similarity).toBeGreaterThan(0.97)
  })

  it('loses recall when two items are merged into one', () => {
    const output = variant((tree) => {
      const section = tree.children[2]
      if (section?.type !== 'section') throw new Error('fixture shape')
      section.children.splice(
        2,
        1,
        u.list(false, [u.listItem([p(items[0]!)]), u.listItem([p(`${items[1]} ${items[2]}`)])]),
      )
    })
    expect(listItemScore(gold(), output).recall).toBeCloseTo(1 / 3)
  })

  it('reads a footnote inside an item apart from the item text', () => {
    const note = u.footnoteDefinition('1', [p('Navy figures for 2023.')], {label: '1'})
    const withNote = variant((tree) => {
      const section = tree.children[2]
      if (section?.type !== 'section' || section.children[2]?.type !== 'list') throw new Error('fixture shape')
      section.children[2].children[1]?.children.push(note)
    })
    const facts = collect(withNote)
    expect(facts.listItems[1]).not.toMatch(/Navy/)
    expect(facts.blocks.at(-1)).toBe('Navy figures for 2023.')
    expect(listItemScore(withNote, gold()).recall).toBe(1)
  })

  it('still matches an item with one broken word', () => {
    const output = variant((tree) => replaceText(tree, 'together', 'to- gether'))
    expect(listItemScore(gold(), output).recall).toBe(1)
  })
})

describe('text similarity', () => {
  it('falls when text is dropped', () => {
    const output = variant((tree) => {
      tree.children.splice(1, 1)
    })
    const result = textScore(gold(), output)
    const dropped = words(intro).length
    expect(result.foundWords).toBe(result.goldWords - dropped)
    expect(result.similarity).toBeCloseTo((2 * result.foundWords) / (2 * result.goldWords - dropped))
    expect(result.similarity).toBeLessThan(0.9)
  })

  it('does not care where a note is placed, only that it is a note', () => {
    const note = () => u.footnoteDefinition('1', [p('Signed in Riyadh.')], {label: '1'})
    const claim = () => u.paragraph([t('The pact holds.'), u.footnoteReference('1', '1')])
    const early = u.root({lang: 'en'}, [claim(), note(), p('Later text follows here.')])
    const late = u.root({lang: 'en'}, [claim(), p('Later text follows here.'), note()])
    const unrecognised = u.root({lang: 'en'}, [claim(), p('1 Signed in Riyadh.'), p('Later text follows here.')])
    expect(textScore(early, late).similarity).toBe(1)
    expect(textScore(early, unrecognised).similarity).toBeLessThan(0.9)
  })

  it('names the places where the texts differ', () => {
    const output = variant((tree) => replaceText(tree, 'watch closely', 'look closely'))
    expect(textScore(gold(), output).differences).toEqual(['region -[watch] +[look]'])
    expect(textScore(gold(), gold()).differences).toEqual([])
  })

  it('falls when blocks come out of reading order', () => {
    const output = variant((tree) => {
      const [, introBlock, first, second] = tree.children
      tree.children = [second!, first!, introBlock!]
    })
    const result = textScore(gold(), output)
    expect(result.similarity).toBeLessThan(0.75)
    expect(result.foundWords).toBe(result.goldWords)
  })
})

describe('broken words', () => {
  it('counts a split with a hyphen and a space', () => {
    const output = variant((tree) => replaceText(tree, 'the government and', 'the gov- ernment and'))
    expect(brokenWords(gold(), output)).toEqual({count: 1, examples: ['gov- ernment']})
  })

  it('counts a split with a space only', () => {
    const output = variant((tree) => replaceText(tree, 'the government and', 'the gov ernment and'))
    expect(brokenWords(gold(), output).count).toBe(1)
  })

  it('counts a leftover hyphen and a split compound', () => {
    const output = variant((tree) => {
      replaceText(tree, 'including', 'in-cluding')
      replaceText(tree, 'Sino-Russo', 'Sino- Russo')
    })
    expect(brokenWords(gold(), output).examples.sort()).toEqual(['in-cluding', 'sino- russo'])
  })

  it('counts words split across two blocks', () => {
    const output = variant((tree) => {
      const section = tree.children[3]
      if (section?.type !== 'section') throw new Error('fixture shape')
      section.children.splice(1, 1, p('The prima-'), p('ry question is whether the long-term promises survive.'))
    })
    expect(brokenWords(gold(), output).examples).toEqual(['prima- ry'])
  })

  it('pairs a split with the word after its hyphen, not the word before it', () => {
    const tree = u.root({lang: 'en'}, [p('We need a re-evaluation, and are ready.')])
    const output = u.root({lang: 'en'}, [p('We need a re- evaluation, and are ready.')])
    expect(brokenWords(tree, output)).toEqual({count: 1, examples: ['re- evaluation']})
  })

  it('does not take two real words for a broken one', () => {
    const tree = u.root({lang: 'en'}, [p('Around the lake we walked a round of golf.')])
    const output = u.root({lang: 'en'}, [p('Around the lake we walked a round of golf.')])
    expect(brokenWords(tree, output).count).toBe(0)
  })
})

describe('over-joins', () => {
  it('counts a compound that lost its hyphen', () => {
    const output = variant((tree) => replaceText(tree, /long-term/g, 'longterm'))
    const result = overJoins(gold(), output)
    expect(result.count).toBe(2)
    expect(result.examples[0]).toBe('longterm (long-term)')
    expect(brokenWords(gold(), output).count).toBe(0)
  })

  it('leaves a correctly kept compound alone', () => {
    expect(overJoins(gold(), gold()).count).toBe(0)
  })
})

describe('artifact leaks', () => {
  const footer = 'www.example-institute.org'

  it('counts a declared footer line left in the body', () => {
    const output = variant((tree) => {
      tree.children.splice(2, 0, p(footer))
      replaceText(tree, 'watch closely,', `watch ${footer} closely,`)
    })
    const result = artifactLeaks(gold(), output, {artifacts: [footer]})
    expect(result.furniture).toBe(2)
    expect(result.count).toBe(2)
  })

  it('counts page numbers left as lines or glued to a block edge', () => {
    const output = variant((tree) => {
      tree.children.splice(2, 0, p('4'))
      replaceText(tree, 'change of government.', 'change of government. 11')
    })
    const result = artifactLeaks(gold(), output)
    expect(result.pageNumbers).toBe(2)
    expect(result.count).toBe(2)
  })

  it('counts a page number next to a page break inside a paragraph, not one elsewhere in it', () => {
    const cut = (number: string) =>
      variant((tree) => {
        const paragraph = tree.children[1]
        if (paragraph?.type !== 'paragraph') throw new Error('fixture shape')
        paragraph.children = [
          t('The alliance was signed in May, '),
          u.pageBreak(4, '4'),
          t(`${number}including a clause.`),
        ]
      })
    const goldCut = cut('')
    expect(artifactLeaks(goldCut, cut('4 '), {artifacts: ['4']})).toMatchObject({count: 1, pageNumbers: 1})
    const elsewhere = variant((tree) => replaceText(tree, 'watch closely,', 'watch 4 closely,'))
    expect(artifactLeaks(gold(), elsewhere, {artifacts: ['4']}).count).toBe(0)
  })

  it('does not take a word fragment like "vi" opening a block for a roman page number', () => {
    const output = variant((tree) => replaceText(tree, 'Undermining', 'Vi Undermining'))
    expect(artifactLeaks(gold(), output).count).toBe(0)
    expect(
      artifactLeaks(
        gold(),
        variant((tree) => tree.children.splice(2, 0, p('vi'))),
      ).pageNumbers,
    ).toBe(1)
  })

  it('counts a leaked line once when several kinds claim it', () => {
    const output = variant((tree) => {
      tree.children.splice(1, 0, p('Motives 3'))
    })
    const result = artifactLeaks(gold(), output, {artifacts: ['Motives 3', '3']})
    expect(result).toMatchObject({count: 1, contents: 1, furniture: 0, pageNumbers: 0})
  })

  it('does not count a declared line that the gold has in the same place', () => {
    const output = variant((tree) => replaceText(tree, 'in the region', 'in the Middle East'))
    expect(artifactLeaks(gold(), gold(), {artifacts: ['Middle East', 'Motives']}).count).toBe(0)
    expect(artifactLeaks(gold(), output, {artifacts: ['Middle East']}).count).toBe(1)
  })

  it('does not take a footnote label that opens a note for a page number', () => {
    const note = u.footnoteDefinition('2', [p('Surface temperatures come from satellites.')], {label: '2'})
    const withNote = (tree: Root) => {
      tree.children.splice(2, 0, u.paragraph([t('A claim.'), u.footnoteReference('2', '2')]), note)
    }
    const goldTree = variant(withNote)
    const output = variant((tree) => {
      tree.children.splice(2, 0, p('A claim.'), p('2 Surface temperatures come from satellites.'))
    })
    expect(artifactLeaks(goldTree, output, {artifacts: ['2']}).count).toBe(0)
    expect(
      artifactLeaks(
        goldTree,
        variant((tree) => tree.children.splice(2, 0, p('2'))),
      ).pageNumbers,
    ).toBe(1)
  })

  it('does not count a number that belongs to the text', () => {
    const tree = u.root({lang: 'en'}, [p('Spending rose 4'), p('percent in 2023.')])
    expect(artifactLeaks(tree, structuredClone(tree)).count).toBe(0)
  })

  it('counts contents lines left in the body', () => {
    const output = variant((tree) => {
      tree.children.splice(1, 0, p('Motives .......... 3'), p('Conclusion .......... 11'))
    })
    const result = artifactLeaks(gold(), output)
    expect(result.contents).toBe(2)
  })

  it('counts a contents line with its section number as one leak', () => {
    const output = variant((tree) => {
      tree.children.splice(1, 0, p('1.1 Methods 3'))
    })
    const goldTree = variant((tree) => {
      tree.children[0] = u.toc([u.tocEntry('Methods', 2, '3')])
    })
    expect(artifactLeaks(goldTree, output)).toMatchObject({count: 1, contents: 1, pageNumbers: 0})
  })

  it('counts dot-leader lines when the gold has no contents', () => {
    const plain = u.root({lang: 'en'}, [p('Body text.')])
    const output = u.root({lang: 'en'}, [p('Introduction . . . . . . 3'), p('Body text.')])
    expect(artifactLeaks(plain, output).contents).toBe(1)
  })
})

describe('total', () => {
  it('pools ratios over counts and sums the counts', () => {
    const bad = variant((tree) => replaceText(tree, /long-term/g, 'longterm'))
    const sum = total([score(gold(), gold()), score(gold(), bad)])
    expect(sum.documents).toBe(2)
    expect(sum.headingRecall).toBe(1)
    expect(sum.overJoins).toBe(2)
    expect(sum.textSimilarity).toBeLessThan(1)
    expect(sum.textSimilarity).toBeGreaterThan(0.9)
  })

  it('leaves a ratio empty when nothing was there to count', () => {
    const empty = u.root({lang: 'en'}, [p('Only a paragraph.')])
    const sum = total([score(empty, empty)])
    expect(sum.headingRecall).toBeNull()
    expect(sum.listItemRecall).toBeNull()
    expect(sum.textSimilarity).toBe(1)
  })
})
