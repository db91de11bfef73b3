import { readFileSync } from 'node:fs'

/** name -> the canonical given names it can stand for (itself included). */
export type NicknameIndex = ReadonlyMap<string, readonly string[]>

const defaultList = new URL('../../data/nicknames.csv', import.meta.url)

/**
 * Parses a nickname list: one canonical name a line followed by its nicknames
 * ('robert,rob,bob,bobby'), or the triplet layout of the carltonnorthern/nicknames list
 * ('robert,has_nickname,bob'), so that list can replace ours without code changes.
 */
export function parseNicknames(text: string): NicknameIndex {
  const roots = new Map<string, Set<string>>()
  const add = (name: string, root: string) => {
    const set = roots.get(name) ?? new Set([name])
    set.add(root)
    roots.set(name, set)
  }
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue
    const cells = line.split(',').map((c) => c.trim().toLowerCase())
    const [canonical, ...rest] = cells
    if (!canonical || canonical === 'name1') continue
    const nicknames = rest[0] === 'has_nickname' ? rest.slice(1) : rest
    add(canonical, canonical)
    for (const nick of nicknames) if (nick) add(nick, canonical)
  }
  return new Map([...roots].map(([name, set]) => [name, [...set].sort()]))
}

let loaded: NicknameIndex | undefined

/** The list shipped in data/nicknames.csv, read once. */
export function defaultNicknames(): NicknameIndex {
  loaded ??= parseNicknames(readFileSync(defaultList, 'utf8'))
  return loaded
}

/** The canonical names a given name may stand for: 'bob' -> ['bob', 'robert']. */
export function givenNameRoots(name: string, index: NicknameIndex = defaultNicknames()): readonly string[] {
  return index.get(name) ?? [name]
}
