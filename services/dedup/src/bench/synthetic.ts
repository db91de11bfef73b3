import type { RawRecord } from '../matching/record.ts'
import { mulberry32 } from '../matching/training.ts'

const givenNames = (
  'james mary robert patricia john jennifer michael linda david elizabeth william barbara richard susan joseph jessica ' +
  'thomas sarah charles karen christopher lisa daniel nancy matthew betty anthony sandra mark ashley donald kimberly ' +
  'steven emily paul donna andrew michelle joshua carol kenneth amanda kevin melissa brian deborah george stephanie ' +
  'timothy rebecca ronald sharon edward laura jason cynthia jeffrey kathleen ryan amy jacob angela gary shirley ' +
  'nicholas anna eric brenda jonathan pamela stephen emma larry nicole justin helen scott samantha brandon katherine ' +
  'raj priya wei mei hiroshi yuki olumide chiamaka mateo sofia lucas camila ahmed fatima ivan olga lars ingrid'
).split(' ')

const syllables =
  'son ton ley man ber ing ald ett ers ski vic ova ez ard ins well ford by ham ton er ris ton dale'.split(' ')
const stems =
  'smi john will brow jon gar mil dav rod mart hern lop gonz wil and thom tay moor jack whit harr sanch clar ram lew rob walk young all king wright scot torr ngu hill flor green adam nel bak hall riv camp mitch cart rob'.split(
    ' ',
  )

/**
 * Synthetic people for load: given names from a fixed list, surnames built from stems and
 * syllables with a heavy head (a few surnames very common, as in real data), so that some
 * blocking keys are crowded and the per-key cap has something to cap.
 */
export function syntheticPeople(count: number, seed = 1): RawRecord[] {
  const random = mulberry32(seed)
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n * random() ** 3))
  const out: RawRecord[] = []
  for (let i = 0; i < count; i++) {
    const first = givenNames[zipf(givenNames.length)] as string
    const last = `${stems[zipf(stems.length)]}${syllables[Math.floor(random() * syllables.length)]}${i % 7 === 0 ? syllables[i % syllables.length] : ''}`
    const company = `${stems[Math.floor(random() * stems.length)]}${syllables[Math.floor(random() * syllables.length)]} ${i % 997}`
    const domain = `${company.replace(/\s+/g, '')}.example`
    out.push({
      firstName: first,
      lastName: last,
      email: `${first}.${last}.${i.toString(36)}@${domain}`,
      phone: `+1415${String(1_000_000 + ((i * 7919) % 9_000_000)).padStart(7, '0')}`,
      company,
      domain,
      city: syllables[i % syllables.length],
      country: 'US',
    })
  }
  return out
}

/** A returning version of a stored person: a typo in the surname, another email, no phone. */
export function returning(p: RawRecord, seed: number): RawRecord {
  const last = p.lastName ?? ''
  const cut = 1 + (seed % Math.max(1, last.length - 1))
  return {
    ...p,
    lastName: last.slice(0, cut) + last.slice(cut + 1),
    email: `${p.firstName}${seed}@gmail.com`,
    phone: undefined,
  }
}
