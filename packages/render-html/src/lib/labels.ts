/** The few words the renderer adds itself, in the document's language. */
export interface Labels {
  skipToContent: string
  contents: string
  notes: string
  /** Accessible name of a footnote's link back to its reference; `{label}` is the note's label. */
  backToReference: string
  colophon: string
  untitled: string
}

const english: Labels = {
  skipToContent: 'Skip to content',
  contents: 'Contents',
  notes: 'Notes',
  backToReference: 'Back to reference {label}',
  colophon: 'Colophon',
  untitled: 'Untitled document',
}

const byLanguage: Record<string, Labels> = {
  en: english,
  fr: {
    skipToContent: 'Aller au contenu',
    contents: 'Sommaire',
    notes: 'Notes',
    backToReference: "Retour à l'appel de note {label}",
    colophon: 'Colophon',
    untitled: 'Document sans titre',
  },
  de: {
    skipToContent: 'Zum Inhalt springen',
    contents: 'Inhalt',
    notes: 'Anmerkungen',
    backToReference: 'Zurück zum Verweis {label}',
    colophon: 'Impressum',
    untitled: 'Dokument ohne Titel',
  },
  es: {
    skipToContent: 'Ir al contenido',
    contents: 'Índice',
    notes: 'Notas',
    backToReference: 'Volver a la referencia {label}',
    colophon: 'Colofón',
    untitled: 'Documento sin título',
  },
  ar: {
    skipToContent: 'انتقل إلى المحتوى',
    contents: 'المحتويات',
    notes: 'الحواشي',
    backToReference: 'العودة إلى الإحالة {label}',
    colophon: 'بيانات النشر',
    untitled: 'مستند بلا عنوان',
  },
}

/**
 * The labels for a BCP 47 tag and the language they are in: the tag's own
 * language when known, else English (and the caller marks them `lang="en"`).
 */
export function labelsFor(lang: string, overrides: Partial<Labels> = {}): {labels: Labels; lang: string} {
  const primary = lang.toLowerCase().split('-')[0] ?? ''
  const known = byLanguage[primary]
  return {labels: {...(known ?? english), ...overrides}, lang: known ? primary : 'en'}
}
