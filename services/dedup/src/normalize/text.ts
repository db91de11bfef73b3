// Letters that NFKD does not split into a base letter plus an accent.
const foldedLetters: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
}

/** Lower-case, accents and ligatures folded to ASCII: 'Søren Müller' -> 'soren muller'. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđþı]/g, (c) => foldedLetters[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
}

/** Folded words of letters and digits; every other character separates words. */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** A trimmed value, or undefined when nothing is left: CSV cells and form fields alike. */
export function present(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}
