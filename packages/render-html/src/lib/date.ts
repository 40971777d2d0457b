const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/**
 * A document date (ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD) as readers of `lang`
 * write it, in UTC so that it never depends on the machine. Undefined for a
 * date that is not one of these forms.
 */
export function formatDate(date: string, lang: string): string | undefined {
  const match = isoDate.exec(date)
  if (!match) return undefined
  const [, year, month, day] = match
  const value = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1))
  if (Number.isNaN(value.getTime())) return undefined
  if (month && value.getUTCMonth() !== Number(month) - 1) return undefined
  if (day && value.getUTCDate() !== Number(day)) return undefined
  if (!month) return year
  const options: Intl.DateTimeFormatOptions = day
    ? {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'}
    : {year: 'numeric', month: 'long', timeZone: 'UTC'}
  let locale = 'en'
  try {
    locale = Intl.DateTimeFormat.supportedLocalesOf([lang])[0] ?? 'en'
  } catch {
    locale = 'en'
  }
  return new Intl.DateTimeFormat(locale, options).format(value)
}
