import type {Meta} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'

function translated(meta: Meta, field: 'title' | 'subtitle' | 'publisher'): ElementContent[] {
  return (meta.translations ?? [])
    .filter((translation) => translation.field === field)
    .map((translation) =>
      h('p', {lang: translation.lang, xmlLang: translation.lang, dir: translation.dir}, translation.value),
    )
}

/** Human-readable date for the title page: the ISO value as given (the document's own precision). */
export function titlePageBody(meta: Meta, title: string): ElementContent[] {
  const children: ElementContent[] = [h('h1', {id: 'title'}, title), ...translated(meta, 'title')]
  if (meta.subtitle) children.push(h('p', {className: ['subtitle']}, meta.subtitle), ...translated(meta, 'subtitle'))
  if (meta.authors.length > 0) children.push(h('p', {className: ['authors']}, meta.authors.join(', ')))
  if (meta.publisher) {
    children.push(h('p', {className: ['publisher']}, meta.publisher), ...translated(meta, 'publisher'))
  }
  if (meta.date) children.push(h('p', {className: ['date']}, h('time', {dateTime: meta.date}, meta.date)))
  return [h('section', {'epub:type': 'titlepage', className: ['titlepage'], ariaLabelledBy: 'title'}, children)]
}
