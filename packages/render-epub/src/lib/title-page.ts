import type {Meta} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {formatDate, parseIsoDate, readableDate} from './dates.js'

function translated(meta: Meta, field: 'title' | 'subtitle' | 'publisher'): ElementContent[] {
  return (meta.translations ?? [])
    .filter((translation) => translation.field === field)
    .map((translation) =>
      h('p', {lang: translation.lang, xmlLang: translation.lang, dir: translation.dir}, translation.value),
    )
}

/** The title page: title, subtitle, authors, publisher and date, with their translations. */
export function titlePageBody(meta: Meta, title: string): ElementContent[] {
  const children: ElementContent[] = [h('h1', {id: 'title'}, title), ...translated(meta, 'title')]
  if (meta.subtitle) children.push(h('p', {className: ['subtitle']}, meta.subtitle), ...translated(meta, 'subtitle'))
  if (meta.authors.length > 0) children.push(h('p', {className: ['authors']}, meta.authors.join(', ')))
  if (meta.publisher) {
    children.push(h('p', {className: ['publisher']}, meta.publisher), ...translated(meta, 'publisher'))
  }
  if (meta.date) {
    const parts = parseIsoDate(meta.date)
    children.push(
      h(
        'p',
        {className: ['date']},
        parts ? h('time', {dateTime: formatDate(parts)}, readableDate(parts, meta.lang)) : meta.date,
      ),
    )
  }
  return [h('section', {'epub:type': 'titlepage', className: ['titlepage'], ariaLabelledBy: 'title'}, children)]
}
