/** A requirement the checker decides. */
export interface Rule {
  id: string
  /** Matterhorn Protocol 1.1 failure condition (or checkpoint) it follows. */
  matterhorn: string
  /** ISO 14289-1 (PDF/UA-1) clause; veraPDF names its PDF/UA-1 rules after these clauses. */
  clause: string
  description: string
}

export const rules: readonly Rule[] = [
  {id: 'not-pdf', matterhorn: '—', clause: '5', description: 'The file is a PDF (starts with a `%PDF-` header)'},
  {id: 'unreadable', matterhorn: '—', clause: '5', description: 'The file can be parsed to the end'},
  {id: 'encrypted', matterhorn: '—', clause: '—', description: 'The content can be read without a password'},
  {id: 'limit', matterhorn: '—', clause: '—', description: 'The file fits the checker’s bounds on work'},
  {id: 'marked', matterhorn: '01', clause: '7.1', description: 'Catalog `/MarkInfo /Marked` is true'},
  {id: 'suspects', matterhorn: '01-007', clause: '7.1', description: '`/MarkInfo /Suspects` is not true'},
  {id: 'struct-tree', matterhorn: '01', clause: '7.1', description: 'Catalog has a non-empty `/StructTreeRoot`'},
  {id: 'parent-tree', matterhorn: '01', clause: '7.1', description: 'The structure tree has a `/ParentTree`'},
  {id: 'lang', matterhorn: '11-001', clause: '7.2', description: 'Catalog `/Lang` names the document language'},
  {id: 'xmp', matterhorn: '06-001', clause: '7.1', description: 'Catalog has an XMP `/Metadata` stream'},
  {id: 'xmp-pdfuaid', matterhorn: '06-002', clause: '5', description: 'XMP has `pdfuaid:part` 1'},
  {id: 'title', matterhorn: '06-003', clause: '7.1', description: 'XMP has a non-empty `dc:title`'},
  {
    id: 'display-doc-title',
    matterhorn: '07-001, 07-002',
    clause: '7.1',
    description: '`/ViewerPreferences /DisplayDocTitle` is true',
  },
  {
    id: 'content-marked',
    matterhorn: '01-005',
    clause: '7.1',
    description: 'Every painting operator is inside tagged content (MCID) or an artifact',
  },
  {
    id: 'artifact-nesting',
    matterhorn: '01-003, 01-004',
    clause: '7.1',
    description: 'No artifact inside tagged content, no tagged content inside an artifact',
  },
  {
    id: 'struct-type',
    matterhorn: '02-001',
    clause: '7.1',
    description: 'Every structure type is standard or role-mapped to a standard type',
  },
  {id: 'role-map-circular', matterhorn: '02-003', clause: '7.1', description: 'The role map has no cycle'},
  {id: 'role-map-standard', matterhorn: '02-004', clause: '7.1', description: 'No standard type is remapped'},
  {
    id: 'heading-first',
    matterhorn: '14-002',
    clause: '7.4.2',
    description: 'With numbered headings, the first is H1',
  },
  {
    id: 'heading-skip',
    matterhorn: '14-003',
    clause: '7.4.2',
    description: 'Numbered heading levels descend without skipping one',
  },
  {id: 'heading-mixed', matterhorn: '14-007', clause: '7.4.4', description: 'H and H1–H6 are not both used'},
  {
    id: 'list-structure',
    matterhorn: '16',
    clause: '7.6',
    description: '`L` holds `LI` (or a nested `L`, a `Caption`); `LI` holds `Lbl` and `LBody`',
  },
  {id: 'table-structure', matterhorn: '15', clause: '7.5', description: '`TR` holds `TH` and `TD`'},
  {
    id: 'figure-alt',
    matterhorn: '13-004',
    clause: '7.3',
    description: 'Every `Figure` has `/Alt` (or `/ActualText`)',
  },
  {id: 'note-id', matterhorn: '19-003', clause: '7.9', description: 'Every `Note` has an `/ID`'},
  {
    id: 'annot-tagged',
    matterhorn: '28-002',
    clause: '7.18.1',
    description: 'Every annotation (but popups) has a `/StructParent`',
  },
  {id: 'link-tag', matterhorn: '28-011', clause: '7.18.5', description: 'Link annotations sit in `Link` elements'},
  {
    id: 'link-contents',
    matterhorn: '28-012',
    clause: '7.18.5',
    description: 'Link annotations have a non-empty `/Contents`',
  },
  {
    id: 'objr-page',
    matterhorn: '—',
    clause: '7.1',
    description: 'An annotation reference names the page the annotation is on',
  },
  {
    id: 'tabs',
    matterhorn: '28-008, 28-009',
    clause: '7.18.3',
    description: 'Pages with annotations have `/Tabs /S`',
  },
  {id: 'font-embedded', matterhorn: '31', clause: '7.21.4.1', description: 'Every font used is embedded'},
  {
    id: 'font-tounicode',
    matterhorn: '31',
    clause: '7.21.7',
    description: 'Every font maps its codes to Unicode (`/ToUnicode` or a standard encoding)',
  },
]

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]))
