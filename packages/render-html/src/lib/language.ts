const names = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'code'})

/**
 * The tag in canonical form when it is a well-formed BCP 47 tag whose
 * language is one the platform's locale data knows (so that browsers, screen
 * readers and checkers do too), else undefined.
 */
export function validLanguage(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || !/^[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*$/.test(tag)) return undefined
  let canonical: string
  try {
    canonical = Intl.getCanonicalLocales(tag)[0] ?? ''
  } catch {
    return undefined
  }
  const primary = canonical.split('-')[0] ?? ''
  if (primary === 'und' || primary === 'mul' || primary === 'zxx') return canonical
  // Unknown languages come back as their own code.
  return names.of(primary) === primary ? undefined : canonical
}
