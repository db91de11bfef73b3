import fc from 'fast-check'

/*
 * Hostile inputs for the capture API, built with fast-check. Objects are made with
 * Object.fromEntries so a `__proto__` key is an own property that JSON.stringify writes out,
 * as an attacker's JSON text would carry it (an object literal would set the prototype instead).
 */

export const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const

/** Keys that trip naive code: prototype members, paths, NUL, lone surrogates, schema names. */
export const nastyKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...prototypeKeys) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'polluted',
      '',
      ' ',
      'a.b',
      'a/b',
      '$where',
      'k\u0000',
      '\ud800',
      'x'.repeat(65),
      'contact',
      'email',
      'leadId',
      'capturedAt',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
)

/** Strings a form or integration should never be able to store: NUL, lone surrogates, huge. */
export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udc00', 'Ann\udbff'),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\udbff\udfff',
      '\uffff',
      '\ufeff',
      '\u202e',
      ' ',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      'javascript:alert(1)',
      'http://evil.example/x',
      'a@b.co',
      'US',
      'demo_request',
      'inbound_form',
      '2026-01-01T00:00:00Z',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 900, max: 70_000 }).map((n) => 'x'.repeat(n)) },
)

const leaf = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0, -1, 1e21, 10_000_001, 1700000000000),
)

/** Any JSON shape, with nasty keys and strings at any depth. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; arr: unknown; obj: unknown }>(
  (tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('arr'), tie('obj')),
    arr: fc.array(tie('value'), { maxLength: 4 }),
    obj: fc.array(fc.tuple(nastyKey, tie('value')), { maxLength: 4 }).map((e) => Object.fromEntries(e)),
  }),
).value

const domain = fc.constantFrom('acme.com', 'initech.io', 'mailinator.com', 'globex.example')
const word = fc.stringMatching(/^[A-Za-z][a-z]{1,11}$/)

/** A lead the API should accept. */
export const validLead = fc.record(
  {
    contact: fc.record(
      {
        email: fc.tuple(word, domain).map(([u, d]) => `${u.toLowerCase()}@${d}`),
        phone: fc.stringMatching(/^\+[1-9][0-9]{7,12}$/),
        firstName: word,
        lastName: word,
        title: fc.constantFrom('VP Sales', 'CTO', 'Engineer'),
      },
      { requiredKeys: ['email'] },
    ),
    company: fc.record(
      {
        name: word,
        employees: fc.integer({ min: 1, max: 100_000 }),
        country: fc.constantFrom('US', 'de', 'FR'),
        domain,
      },
      { requiredKeys: [] },
    ),
    source: fc.record(
      {
        channel: fc.constantFrom('inbound_form', 'event', 'import'),
        intent: fc.constantFrom('demo_request', 'pricing', 'other'),
        formId: word,
        utm: fc.record({ source: word, campaign: word }, { requiredKeys: [] }),
        pageUrl: fc.constantFrom('https://www.acme.example/pricing', 'http://a.example/'),
      },
      { requiredKeys: [] },
    ),
    consent: fc.record({ marketing: fc.boolean(), contact: fc.boolean() }, { requiredKeys: [] }),
    custom: fc.dictionary(word, fc.oneof(word, fc.integer(), fc.boolean(), fc.constant(null)), {
      maxKeys: 4,
    }),
    antiSpam: fc.record(
      { honeypot: word, startedAt: fc.integer({ min: 1, max: 2e12 }) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['contact'] },
)

/** Where in a lead a mutation lands; each is a real field or object of the input. */
const leadPaths: readonly (readonly string[])[] = [
  [],
  ['contact'],
  ['contact', 'email'],
  ['contact', 'phone'],
  ['contact', 'firstName'],
  ['company'],
  ['company', 'employees'],
  ['company', 'country'],
  ['source'],
  ['source', 'channel'],
  ['source', 'utm'],
  ['source', 'utm', 'source'],
  ['source', 'pageUrl'],
  ['consent'],
  ['consent', 'marketing'],
  ['custom'],
  ['custom', 'budget'],
  ['antiSpam'],
  ['antiSpam', 'startedAt'],
]

export type Mutation =
  | { op: 'set'; path: readonly string[]; value: unknown }
  | { op: 'add'; path: readonly string[]; key: string; value: unknown }
  | { op: 'delete'; path: readonly string[] }

/** Text fields, where a nasty string still passes the schema and reaches Postgres. */
const textPaths: readonly (readonly string[])[] = [
  ['contact', 'firstName'],
  ['contact', 'title'],
  ['contact', 'phone'],
  ['company', 'name'],
  ['source', 'formId'],
  ['source', 'utm', 'campaign'],
  ['custom', 'notes'],
  ['antiSpam', 'honeypot'],
]

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...textPaths), value: nastyString }),
  fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...leadPaths), value: jsonValue }),
  fc.record({
    op: fc.constant('add' as const),
    path: fc.constantFrom(...leadPaths),
    key: nastyKey,
    value: jsonValue,
  }),
  fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...leadPaths.slice(1)) }),
)

/** A copy of `value` with the mutation applied; never assigns, so `__proto__` stays a key. */
export function mutate(value: unknown, m: Mutation, at = 0): unknown {
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value)
  const here = isObject ? Object.entries(value as object) : []
  if (at === m.path.length) {
    if (m.op === 'set') return m.value
    if (m.op === 'add') return Object.fromEntries([...here, [m.key, m.value]])
  }
  const part = m.path[at]!
  if (m.op === 'delete' && at === m.path.length - 1)
    return Object.fromEntries(here.filter(([k]) => k !== part))
  const child = here.find(([k]) => k === part)?.[1] ?? {}
  return Object.fromEntries([...here.filter(([k]) => k !== part), [part, mutate(child, m, at + 1)]])
}

/** The dotted path a mutation touched, as the API names fields. */
export const pathOf = (m: Mutation): string =>
  [...m.path, ...(m.op === 'add' ? [m.key || '""'] : [])].join('.')

export const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset="UTF-8"',
      'APPLICATION/JSON',
      'application/json; charset=utf-16',
      'application/json; charset=',
      'application/json;;;',
      'application/problem+json',
      'application/jsonx',
      'text/plain',
      'text/json',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      '*/*',
      '',
      ';',
      'application/json, text/plain',
    ),
  },
)

/** Raw JSON-ish text that no serializer would write: deep nesting, odd numbers, duplicates. */
export const rawJsonText = fc.oneof(
  fc.integer({ min: 1, max: 40_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc
    .integer({ min: 1, max: 8_000 })
    .map((d) => `{"contact":{"email":"deep@acme.com"},"custom":${'{"a":'.repeat(d)}1${'}'.repeat(d)}}`),
  fc.constantFrom(
    '{"contact":{"email":"a@b.co","email":"c@d.co"}}',
    '{"contact":{"email":"a@b.co"},"contact":{"phone":"+15551234567"}}',
    '{"contact":{"email":"a@b.co"},"company":{"employees":1e400}}',
    '{"contact":{"email":"a@b.co"},"company":{"employees":-0}}',
    '{"contact":{"email":"a@b.co"},"custom":{"n":1e308}}',
    '{"contact":{"email":"a@b.co"},"custom":{"n":123456789012345678901234567890}}',
    '{"__proto__":{"polluted":"yes"},"contact":{"email":"a@b.co"}}',
    '{"contact":{"email":"a@b.co","__proto__":{"polluted":"yes"}}}',
    '{"contact":{"email":"a@b.co"},"custom":{"constructor":{"prototype":{"polluted":"yes"}}}}',
    '{"contact":{"email":"a@b.co"},"custom":{"\\u0000":"x"}}',
    '{"contact":{"email":"a@b.co","firstName":"\\u0000"}}',
    '{"contact":{"email":"a@b.co","firstName":"\\ud800"}}',
    '{"contact":{"email":"a@b.co"},"custom":{"\\udc00":"lone"}}',
    '\ufeff{"contact":{"email":"a@b.co"}}',
    '{"contact":{"email":"a@b.co"}} trailing',
    '{"contact":{"email":"a@b.co"}}{}',
    '// comment\n{"contact":{"email":"a@b.co"}}',
    "{'contact':{'email':'a@b.co'}}",
    '{"contact":{"email":NaN}}',
    'null',
    'true',
    '0',
    '"a string"',
    '[]',
    '[{"contact":{"email":"a@b.co"}}]',
    '{}',
    ' ',
    '\u0000',
  ),
)

/** Bytes around valid JSON: invalid UTF-8, overlong forms, a UTF-16 BOM. */
export const rawBytes = fc
  .tuple(
    fc.constantFrom(
      [0xff],
      [0xc3, 0x28],
      [0xe2, 0x82],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x80],
      [0x00],
    ),
    fc.boolean(),
  )
  .map(([bad, utf16]) =>
    Buffer.concat([
      Buffer.from(utf16 ? [0xff, 0xfe] : []),
      Buffer.from('{"contact":{"email":"bytes@acme.com","firstName":"'),
      Buffer.from(bad),
      Buffer.from('"}}'),
    ]),
  )

const formName = fc.oneof(
  fc.constantFrom(
    'email',
    'phone',
    'firstName',
    'company',
    'employees',
    'country',
    'utm_source',
    'utm.medium',
    'custom.budget',
    'consent.marketing',
    'company.industry',
    '_hp',
    '_started',
    'redirect',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '__proto__',
    '__proto__.polluted',
    'constructor',
    'constructor.prototype.polluted',
    'custom.__proto__',
    'custom.prototype',
    'contact',
    'custom',
    'a..b',
    '.',
    '',
    'email[]',
  ),
  fc.string({ maxLength: 8 }),
)

const formValue = fc.oneof(
  fc.constantFrom(
    'sam%40globex.io',
    'a@b.co',
    '',
    '%',
    '%zz',
    '%C3%28',
    '%FF',
    '%00',
    '%ED%A0%80',
    '+',
    '%2B',
    '1700000000000',
    '0',
    '99999999999999999999',
    '250',
    'on',
    'https://www.acme.example/thanks',
    'https://evil.example/',
    'javascript:alert(1)',
  ),
  fc.string({ maxLength: 20 }),
)

const safeEncode = (s: string) => encodeURIComponent(s.toWellFormed())

/**
 * An urlencoded body: mostly a form that would pass, plus a few odd names, separators, values
 * and percent sequences, raw or encoded, so the odd parts reach the code behind the parser.
 */
export const formBody = fc
  .tuple(
    fc.array(fc.tuple(formName, fc.oneof(formValue, nastyString.map(safeEncode)), fc.boolean()), {
      maxLength: 3,
    }),
    fc.constantFrom('&', '&&', ';'),
    fc.boolean(),
  )
  .map(([pairs, sep, valid]) => {
    const odd = pairs.map(([n, v, raw]) => `${raw ? n : safeEncode(n)}=${v}`)
    const base = valid ? ['email=form%40acme.com', 'firstName=Ana', 'company=Initech'] : []
    return [...base, ...odd].join(sep)
  })
