import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fromJson} from '@folio/ast'
import {extract} from '@folio/extract'
import {listReports, reportsDir} from '@folio/fixtures'
import {describe, expect, it} from 'vitest'
import {collect, countRuns, marginLines, words} from '../src/index.js'

const meridian = listReports().find((report) => report.name === 'meridian-2025-urban-heat')

describe('marginLines', () => {
  it('finds the running header and footer of a typeset report, and no body line', async () => {
    expect(meridian, `meridian-2025-urban-heat under ${reportsDir}`).toBeDefined()
    const file = meridian!.pdf
    const layout = await extract(new Uint8Array(await readFile(file)), {file})
    const found = marginLines(layout)
    expect(found).toContain(words('Meridian Policy Lab').join(' '))
    expect(found).toContain(words('meridianlab.eu').join(' '))
    const gold = fromJson(await readFile(join(meridian!.dir, 'gold.json'), 'utf8'))
    const body = collect(gold).blocks.flatMap(words)
    for (const run of found) expect(countRuns(body, run.split(' ')), run).toBe(0)
  })
})
