import {describe, expect, it} from 'vitest'
import {lineSignature, readPageNumber} from '../src/index.js'

describe('page numbers and running-line signatures', () => {
  it('reads the shapes page numbers take', () => {
    expect(readPageNumber('7')).toBe('7')
    expect(readPageNumber('- 7 -')).toBe('7')
    expect(readPageNumber('vii')).toBe('vii')
    expect(readPageNumber('Page 3 of 12')).toBe('3')
    expect(readPageNumber('Seite 4')).toBe('4')
    expect(readPageNumber('3 / 12')).toBe('3')
  })

  it('refuses running text, years in titles and malformed numerals', () => {
    expect(readPageNumber('In 2024 the')).toBeNull()
    expect(readPageNumber('iiii')).toBeNull()
    expect(readPageNumber('Chapter 3')).toBeNull()
  })

  it('gives pages of one running line the same signature', () => {
    expect(lineSignature('Copyright Office Summary | Page 3')).toBe(lineSignature('Copyright Office Summary | Page 14'))
    expect(lineSignature('Report – xii')).toBe(lineSignature('Report – iv'))
    expect(lineSignature('Introduction')).not.toBe(lineSignature('Conclusion'))
  })
})
