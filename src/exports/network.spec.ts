import { parse } from 'csv-parse/sync';
import { elementsNamed, graphmlData, parseXmlStrict } from '../../test/support/xml.js';
import { buildNetwork, csvField, EDGE_COLUMNS, NODE_COLUMNS, toCsv, toGraphML, xmlEscape } from './network.js';
import { Position } from '../graph/vocabulary.js';

const tricky = 'said "no", then\r\nleft; <b>&</b> \u0001';

const network = buildNetwork(
  [
    {
      id: 'p',
      name: 'Plan <A> & "B"',
      summary: tricky,
      aliases: ['x', 'y'],
      proposedOn: '2021-09',
      proposedBy: [{ actorId: 'a', on: '2021-09' }],
    },
  ],
  [
    { id: 'a', name: 'Alpha, Inc.', kind: 'STATE', aliases: [], represents: [] },
    { id: 'b', name: 'Bo', kind: 'PERSON', aliases: [], represents: [{ stateId: 'a', role: 'envoy' }] },
  ],
  [
    {
      id: 'st-1',
      actorId: 'a',
      proposalId: 'p',
      position: Position.OPPOSE,
      cue: tricky,
      cues: [tricky],
      conditions: ['unless X', 'and Y'],
      statedOn: null,
      effectiveOn: '2021-10',
      confidence: 0.5,
      recordedAt: '2025-01-01T00:00:00Z',
      status: 'CONFIRMED',
      rule: null,
      shiftKind: 'FIRST_STATED',
      supersedesId: null,
      speakerId: 'b',
      evidenceCount: 2,
      sourceCount: 1,
      outlets: ['Wire'],
      firstReportedOn: '2021-10-02',
    },
  ],
);

describe('network exports', () => {
  it('escapes CSV fields per RFC 4180 and reads back what it wrote', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
  });

  it('writes text that a spreadsheet would run as a formula as text, and numbers as they are', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(csvField('+1 (555) 0100')).toBe("'+1 (555) 0100");
    expect(csvField('-rejects it')).toBe("'-rejects it");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField(-1)).toBe('-1');
    expect(csvField('premature')).toBe('premature');
  });

  it('reads back what it wrote', () => {
    const edges = parse(toCsv(EDGE_COLUMNS, network.edges), { columns: true, record_delimiter: '\r\n' }) as Record<
      string,
      string
    >[];
    const stance = edges.find((e) => e.relation === 'STANCE')!;
    expect(stance.cue).toBe(tricky);
    expect([stance.Source, stance.Target, stance.position, stance.positionScore, stance.conditions]).toEqual([
      'actor:a',
      'proposal:p',
      'OPPOSE',
      '-1',
      'unless X | and Y',
    ]);
    expect(edges.map((e) => e.relation).sort()).toEqual(['PROPOSED', 'REPRESENTS', 'STANCE']);
    const nodes = parse(toCsv(NODE_COLUMNS, network.nodes), { columns: true }) as Record<string, string>[];
    expect(nodes.map((n) => n.Label)).toEqual(['Alpha, Inc.', 'Bo', 'Plan <A> & "B"']);
  });

  it('writes well-formed GraphML with typed keys and escaped text', () => {
    expect(xmlEscape('<&>"\'')).toBe('&lt;&amp;&gt;&quot;&apos;');
    // The check can fail: a raw ampersand or a control character is not XML.
    expect(() => parseXmlStrict('<a>x & y</a>')).toThrow();
    expect(() => parseXmlStrict('<a>\u0001</a>')).toThrow();
    const doc = parseXmlStrict(toGraphML(network, 'test'));
    expect(doc.name).toBe('graphml');
    expect(elementsNamed(doc, 'node')).toHaveLength(3);
    expect(elementsNamed(doc, 'edge')).toHaveLength(3);
    const keys = elementsNamed(doc, 'key');
    expect(keys.map((k) => `${k.attributes.for}:${k.attributes['attr.name']}:${k.attributes['attr.type']}`)).toEqual(
      expect.arrayContaining([
        'node:label:string',
        'edge:position:string',
        'edge:confidence:double',
        'edge:sourceCount:int',
      ]),
    );
    const names = new Map(keys.map((k) => [k.attributes.id, k.attributes['attr.name']]));
    const stance = elementsNamed(doc, 'edge').find((e) => e.attributes.id === 'stance:st-1')!;
    const data = graphmlData(stance, names);
    // The control character XML cannot carry becomes U+FFFD; the rest survives, line break included.
    expect(data.cue).toBe(tricky.replace('\u0001', '\ufffd'));
    expect([stance.attributes.source, stance.attributes.target, data.position, data.conditionCount]).toEqual([
      'actor:a',
      'proposal:p',
      'OPPOSE',
      '2',
    ]);
    const plan = elementsNamed(doc, 'node').find((n) => n.attributes.id === 'proposal:p')!;
    expect(graphmlData(plan, names).label).toBe('Plan <A> & "B"');
  });
});
