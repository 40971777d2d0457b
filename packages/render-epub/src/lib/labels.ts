/** The few words the edition adds of its own (navigation headings), in the document's language. */
export interface Labels {
  contents: string
  landmarks: string
  pages: string
  titlePage: string
  start: string
  notes: string
  colophon: string
}

const labels: Record<string, Labels> = {
  en: {
    contents: 'Contents',
    landmarks: 'Landmarks',
    pages: 'Pages',
    titlePage: 'Title page',
    start: 'Start of content',
    notes: 'Notes',
    colophon: 'Colophon',
  },
  fr: {
    contents: 'Table des matières',
    landmarks: 'Repères',
    pages: 'Pages',
    titlePage: 'Page de titre',
    start: 'Début du contenu',
    notes: 'Notes',
    colophon: 'Colophon',
  },
  de: {
    contents: 'Inhalt',
    landmarks: 'Orientierungspunkte',
    pages: 'Seiten',
    titlePage: 'Titelseite',
    start: 'Beginn des Inhalts',
    notes: 'Anmerkungen',
    colophon: 'Impressum',
  },
  es: {
    contents: 'Índice',
    landmarks: 'Puntos de referencia',
    pages: 'Páginas',
    titlePage: 'Portada',
    start: 'Inicio del contenido',
    notes: 'Notas',
    colophon: 'Colofón',
  },
}

/** Labels for a BCP 47 tag, by its primary language; English when the language has none. */
export function labelsFor(lang: string): {labels: Labels; lang: string} {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en'
  const found = labels[primary]
  return found ? {labels: found, lang} : {labels: labels['en']!, lang: 'en'}
}
