import {type Root, u} from '@folio/ast'

/** A 1×1 PNG (one grey pixel), embedded the way the extractor embeds images. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=='

/** One tree with every node type of the spec, the way a report holds them. */
export function canonicalTree(): Root {
  return u.root(
    {
      title: 'Defence Alliances in a Changing Region',
      subtitle: 'Motives, limits and prospects',
      authors: ['Amal Haddad', 'Jonas Weber'],
      publisher: 'Institute for Regional Studies',
      date: '2024-05-14',
      lang: 'en',
      description: 'A policy report on regional defence cooperation.',
      translations: [{field: 'publisher', value: 'معهد الدراسات الإقليمية', lang: 'ar', dir: 'rtl'}],
      source: {
        file: 'defence-alliances.pdf',
        pages: 6,
        producer: 'LibreOffice 7.4',
        tagged: false,
        encrypted: false,
        created: '2024-05-14T09:30:00+03:00',
        modified: '2024-05-15T10:00:00Z',
      },
    },
    [
      u.toc([u.tocEntry('Motives', 1, '3'), u.tocEntry('Prospects', 1, '5')]),
      u.pageBreak(2, '2'),
      u.paragraph([
        u.text('Alliances are built for reasons both old and new; this report asks which of them still hold.'),
        u.footnoteReference('n1', '1'),
      ]),
      u.section(1, [
        u.heading(1, [u.text('Motives')], {numbering: '1'}),
        u.paragraph([
          u.text('The first motive is '),
          u.strong([u.text('deterrence')]),
          u.text(', the second is '),
          u.emphasis([u.text('reassurance')]),
          u.text(', as the '),
          u.link('https://example.org/charter', [u.text('founding charter')]),
          u.text(' says. Write to '),
          u.link('mailto:office@example.org', [u.text('the office')]),
          u.text(' for copies; a '),
          u.link('javascript:alert(1)', [u.text('scripted link')]),
          u.text(' is not kept.'),
        ]),
        u.list(
          false,
          [
            u.listItem([
              u.paragraph([u.strong([u.text('Deterrence:')]), u.text(' the alliance aims to discourage attacks.')]),
            ]),
            u.listItem([
              u.paragraph([
                u.strong([u.text('Reassurance:')]),
                u.text(' members trust one another in-'),
                u.pageBreak(3, '3'),
                u.text('cluding in times of crisis.'),
              ]),
            ]),
          ],
          {marker: '■'},
        ),
        u.section(2, [
          u.heading(2, [u.text('Costs and burdens')], {numbering: '1.1'}),
          u.list(
            true,
            [
              u.listItem([u.paragraph([u.text('Money.')])]),
              u.listItem([
                u.paragraph([u.text('Troops.')]),
                u.list(false, [
                  u.listItem([
                    u.paragraph([u.text('Rotations, see note')]),
                    u.blockquote([u.paragraph([u.text('A nested quotation.')])]),
                  ]),
                ]),
              ]),
            ],
            {start: 2, marker: '2.'},
          ),
          u.blockquote([u.paragraph([u.text('“No alliance outlives its purpose,” said one minister.')])]),
        ]),
      ]),
      u.section(1, [
        u.heading(1, [u.text('Evidence')]),
        u.aside('sidebar', [u.paragraph([u.text('Sidebar: how the figures were gathered.')])], {title: 'Method'}),
        u.figure([
          u.image({alt: 'Bar chart of defence spending, 2014–2024, rising each year.', url: PIXEL}),
          u.caption([u.text('Figure 1. Defence spending, 2014–2024.')]),
        ]),
        u.figure([
          u.table([
            u.tableRow([
              u.tableCell([u.text('Year')], {header: true}),
              u.tableCell([u.text('Members')], {header: true}),
            ]),
            u.tableRow([u.tableCell([u.text('2014')]), u.tableCell([u.text('4')])]),
            u.tableRow([u.tableCell([u.text('2024')]), u.tableCell([u.text('7')])]),
          ]),
          u.caption([u.text('Table 1. Members by year.')]),
        ]),
        u.code('members = 7\nyear = 2024'),
        u.pageBreak(4, '4'),
        u.paragraph([
          u.text('The name appears in Arabic as '),
          u.span([u.text('تحالف')], {lang: 'ar', dir: 'rtl'}),
          u.text(' in the sources.'),
          u.footnoteReference('n2', '2'),
        ]),
        u.footnoteDefinition('n2', [u.paragraph([u.text('Counted from the treaty texts.')])], {label: '2'}),
      ]),
      u.section(1, [
        u.heading(1, [u.text('Prospects')]),
        u.pageBreak(5, '5'),
        u.paragraph([u.text('The alliance will last as long as its members see the same threats.')]),
        u.aside('callout', [u.paragraph([u.text('Call-out: the members meet again in 2025.')])]),
      ]),
      u.footnoteDefinition('n1', [u.paragraph([u.text('An earlier version appeared in 2023.')])], {label: '1'}),
      u.pageBreak(6, '6'),
      u.aside('colophon', [
        u.paragraph([u.text('Institute for Regional Studies, 1 Example Street.')]),
        u.paragraph([u.link('mailto:office@example.org', [u.text('office@example.org')])]),
      ]),
    ],
  )
}
