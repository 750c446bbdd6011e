import { extractArticle } from './extract.js';
import type { ExtractionResult } from './types.js';

/** Each mark of a stance as [kind, the words it covers]. */
const marked = (r: ExtractionResult, i = 0): Array<[string, string]> =>
  r.stances[i].marks.map((m) => [m.kind, r.text.slice(m.charStart, m.charEnd)]);

describe('marks: where each part of a stance is written', () => {
  it('marks the holder, speaker, cue, proposal, condition and date of a stance, inside its evidence', () => {
    const r = extractArticle({
      text:
        'BRASILIA - Brazil on Tuesday rejected a proposal by the European Union to set up a joint fund for Amazon reforestation, ' +
        'saying it would not accept the plan unless the bloc drops its tariffs. Brazilian Foreign Minister Mauro Vieira said the offer was premature.',
      publishedOn: '2024-05-09',
    });
    const i = r.stances.findIndex((s) => s.actorId === 'brazil');
    const marks = marked(r, i);
    expect(marks).toEqual(
      expect.arrayContaining([
        ['holder', 'Brazil'],
        ['cue', 'rejected'],
        ['condition', 'the bloc drops its tariffs'],
        ['date', 'on Tuesday'],
      ]),
    );
    expect(marks.filter(([k]) => k === 'holder')).toEqual([['holder', 'Brazil']]);
    expect(
      marks.some(([k, w]) => k === 'proposal' && /joint fund for Amazon reforestation|the plan|the offer/.test(w)),
    ).toBe(true);
    const evidence = r.stances[i].evidence;
    for (const m of r.stances[i].marks)
      expect(evidence.some((e) => m.charStart >= e.charStart && m.charEnd <= e.charEnd)).toBe(true);
  });

  it('marks the person who spoke for the holder as the speaker', () => {
    const r = extractArticle({
      text: "Germany's Foreign Minister Annalena Baerbock said on Tuesday that Berlin opposes the proposal to create a European army.",
      publishedOn: '2023-05-10',
    });
    const marks = marked(r);
    expect(marks).toEqual(
      expect.arrayContaining([
        ['speaker', "Germany's Foreign Minister Annalena Baerbock"],
        ['holder', 'Berlin'],
        ['cue', 'opposes'],
      ]),
    );
    expect(marks.filter(([k]) => k === 'holder')).toEqual([['holder', 'Berlin']]);
  });
});
