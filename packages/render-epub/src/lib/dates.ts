/** An ISO 8601 date or date-time read from the document, split into UTC parts. */
export interface DateParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** How much of the value was given: 'year', 'month', 'day' or 'time'. */
  precision: 'year' | 'month' | 'day' | 'time'
}

const iso =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i

/**
 * Parse an ISO 8601 value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date-time with or without an offset).
 * A time without an offset is read as UTC, so the result never depends on the machine's time zone.
 * Returns `undefined` for anything else, including impossible dates.
 */
export function parseIsoDate(value: string): DateParts | undefined {
  const match = iso.exec(value.trim())
  if (!match) return undefined
  const [, y, mo, d, h, mi, s, zone] = match
  const year = Number(y)
  const month = mo === undefined ? 1 : Number(mo)
  const day = d === undefined ? 1 : Number(d)
  const hour = h === undefined ? 0 : Number(h)
  const minute = mi === undefined ? 0 : Number(mi)
  const second = s === undefined ? 0 : Number(s)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined
  let offsetMinutes = 0
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    const offsetHours = Number(digits.slice(0, 2))
    const offsetRest = digits.length > 2 ? Number(digits.slice(2)) : 0
    if (offsetHours > 23 || offsetRest > 59) return undefined
    offsetMinutes = sign * (offsetHours * 60 + offsetRest)
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(Date.UTC(year, month - 1, day))
  // Date.UTC rolls 31 February over into March: refuse dates that do not exist.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined
  const utc = new Date(local - offsetMinutes * 60_000)
  return {
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
    hour: utc.getUTCHours(),
    minute: utc.getUTCMinutes(),
    second: utc.getUTCSeconds(),
    precision: h !== undefined ? 'time' : d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year',
  }
}

const pad = (value: number, size = 2) => String(value).padStart(size, '0')

/** `CCYY-MM-DDThh:mm:ssZ`, the only form EPUB allows for `dcterms:modified`. */
export function formatModified(parts: DateParts): string {
  return (
    `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}` +
    `T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}Z`
  )
}

/** A W3CDTF date for `dc:date`, as precise as the source value. */
export function formatDate(parts: DateParts): string {
  if (parts.precision === 'year') return pad(parts.year, 4)
  if (parts.precision === 'month') return `${pad(parts.year, 4)}-${pad(parts.month)}`
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`
}

/** A date as readers of `lang` write it ("14 May 2024", "Mai 2024"), computed in UTC so it never depends on the machine. */
export function readableDate(parts: DateParts, lang: string): string {
  if (parts.precision === 'year') return pad(parts.year, 4)
  const options: Intl.DateTimeFormatOptions =
    parts.precision === 'month'
      ? {year: 'numeric', month: 'long', timeZone: 'UTC'}
      : {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'}
  let locale = 'en'
  try {
    locale = Intl.DateTimeFormat.supportedLocalesOf([lang])[0] ?? 'en'
  } catch {
    // A malformed language tag: English is the fallback of the whole edition.
  }
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)))
}
