import statesData from '../lexicon/states.json' with { type: 'json' };
import { CUES, ORGS, STATES, actorTrie, titleTrie } from './lexicon.js';
import { phraseKeys } from './tokens.js';
import { isKnownCue } from './stances/cues.js';

describe('lexicon', () => {
  it('reads a cue with words of degree between its words, and not with other words there', () => {
    const whole = (text: string) => isKnownCue(text);
    expect(whole('expressed concerns about')).toBe(true);
    expect(whole('expressed strong concerns about')).toBe(true);
    expect(whole('voiced serious reservations')).toBe(true);
    expect(whole('expressed his deep concerns')).toBe(true);
    expect(whole('expressed new concerns about')).toBe(false);
  });

  it('reads feelings about a proposal and keeping to an agreement as positions', () => {
    for (const cue of ['expressed disappointment over', 'furious at', 'optimistic about', 'honour the', 'abide by the'])
      expect(isKnownCue(cue)).toBe(true);
    // a feeling with nothing it is about is no cue
    expect(isKnownCue('furious')).toBe(false);
  });

  it('holds every UN member state, the observers, Taiwan, Kosovo, the Cook Islands and Niue', () => {
    const members = statesData.states.filter((s) => s.status === 'member');
    expect(members).toHaveLength(193);
    for (const id of [
      'holy-see',
      'palestine',
      'taiwan',
      'kosovo',
      'cook-islands',
      'niue',
      'japan',
      'north-korea',
      'south-korea',
      'united-states',
    ]) {
      expect(STATES.has(id)).toBe(true);
    }
    expect(new Set(statesData.states.map((s) => s.name)).size).toBe(statesData.states.length);
  });

  it('holds the major international organisations', () => {
    for (const id of [
      'united-nations',
      'un-security-council',
      'european-union',
      'nato',
      'asean',
      'african-union',
      'international-atomic-energy-agency',
      'world-health-organization',
      'world-trade-organization',
      'g7',
      'g20',
      'opec',
      'arab-league',
      'gulf-cooperation-council',
      'osce',
      'international-monetary-fund',
      'world-bank',
      'international-criminal-court',
      'international-court-of-justice',
      'brics',
      'shanghai-cooperation-organisation',
      'quad',
    ]) {
      expect(ORGS.has(id)).toBe(true);
    }
  });

  it('indexes aliases, capitals and demonym government forms', () => {
    for (const phrase of ['U.S.', 'Tokyo', 'the Japanese government', 'DPRK', 'Kremlin', 'State Department']) {
      const { keys } = phraseKeys(phrase.replace(/^the /, ''));
      const hit = actorTrie.matchAt((i) => keys[i] ?? null, 0, keys.length);
      expect(hit.length).toBeGreaterThan(0);
    }
    const { keys } = phraseKeys('chief cabinet secretary');
    expect(titleTrie.matchAt((i) => keys[i] ?? null, 0, keys.length)[0][0]).toBe(3);
  });

  it('compiles every stance cue into a sticky regex', () => {
    expect(CUES.length).toBeGreaterThan(50);
    const cue = CUES.find((c) => c.pattern.startsWith('{AUXNOT} make'))!;
    cue.re.lastIndex = 13;
    expect(cue.re.exec('The ministry did not make its position clear')).not.toBeNull();
  });
});
