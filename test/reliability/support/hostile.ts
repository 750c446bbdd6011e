import fc from 'fast-check';

/** Strings that look like attacks on some layer: Cypher, SQL, templates, paths, HTML, log lines. */
export const INJECTIONS = [
  "'; MATCH (n) DETACH DELETE n //",
  '"}) DETACH DELETE n RETURN 1 //',
  '` OR 1=1 --',
  "x' OR '1'='1",
  '{{7*7}}',
  '${jndi:ldap://127.0.0.1/a}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie: x=y',
  'CALL dbms.killQueries([])',
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
  '$where: sleep(1000)',
  '__proto__',
  'constructor',
  '\u202egnp.exe',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '🏳️‍🌈👩‍👩‍👧‍👦',
  'ﷺ𒐫𒈙',
  'ÅngstrÖm Ñandú İstanbul ß ﬃ',
  '٠١٢٣ ١٩٤٨ تصريح',
  '北朝鮮 終戦宣言',
];

const CONTROL = fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u000b', '\u000c');

/** Odd text: any code points (lone surrogates included), injections, control characters. */
export const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(...INJECTIONS),
  fc.tuple(fc.string({ maxLength: 10 }), CONTROL, fc.string({ maxLength: 10 })).map(([a, c, b]) => a + c + b),
);

/** Text that passes validation: trimmed non-empty, short, no control characters, with at least one letter or digit. */
export const legalOddName = fc
  .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.constantFrom(...INJECTIONS))
  .map((s) => `${s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim()} x${s.length}`.trim().slice(0, 200));

/** A value that is not what a field expects. */
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

export const badId = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    'Bad Id',
    'UPPER',
    '-leading',
    'a/b',
    'a'.repeat(121),
    'naïve',
    'x\u0000y',
    "' OR 1=1",
    '../x',
  ),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 20 })
    .filter((s) => !/^[a-z0-9][a-z0-9-]*$/.test(s.trim()) || s.trim().length === 0),
);

export const badDate = fc.oneof(
  fc.constantFrom(
    '2021-02-30',
    '2021-13',
    '2021-00-10',
    '1799-12-31',
    '2201-01-01',
    'yesterday',
    '2021/10/19',
    '19-10-2021',
    '',
    '2021-1-1',
    '２０２１-１０-１９',
  ),
  fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}(-\d{2})?$/.test(s.trim())),
);

export const tooLong = (max: number) => fc.integer({ min: max + 1, max: max * 3 }).map((n) => 'ä'.repeat(n));
export const withControl = fc.tuple(fc.string({ maxLength: 10 }), CONTROL).map(([s, c]) => `na${s}${c}me`);
