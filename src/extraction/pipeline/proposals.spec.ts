import { extractArticle } from './extract.js';
import type { KnownProposal } from './types.js';

const proposalsOf = (text: string, known: KnownProposal[] = []) =>
  extractArticle({ text, publishedOn: '2024-03-15' }, { actors: [], proposals: known }).proposals;

describe('proposals', () => {
  it('introduces a proposal with its proposer and date from "X\'s proposal <date> to ..."', () => {
    const [p] = proposalsOf(
      "Poland criticised Lithuania's proposal Tuesday to build a joint border fence, officials said.",
    );
    expect(p.name).toBe('Joint border fence');
    expect(p.proposedById).toBe('lithuania');
    expect(p.proposedOn).toBe('2024-03-12');
    expect(p.isNew).toBe(true);
  });

  it('names a proposal put forward with a verb and takes the person as proposer', () => {
    const [p] = proposalsOf(
      'Egyptian President Abdel Fattah al-Sisi proposed on Monday that both sides hold talks in Cairo.',
    );
    expect(p.name).toBe('Talks in Cairo');
    expect(p.proposedById).toBe('egypt');
    expect(p.proposerId).toBe('abdel-fattah-al-sisi');
    expect(p.proposedOn).toBe('2024-03-11');
  });

  it('finds proposals behind "will seek to", "called for" and "desire to"', () => {
    expect(
      proposalsOf('The prime minister said Canada will seek to establish a trade corridor with Mexico.')[0].name,
    ).toBe('Trade corridor with Mexico');
    expect(proposalsOf('Qatar called for an immediate ceasefire in the region.')[0].proposedById).toBe('qatar');
    expect(proposalsOf('Vietnam expressed its desire to hold a summit with Laos.')[0].name).toBe('Summit with Laos');
  });

  it('matches known proposals by alias, tolerant of case, articles and actor names', () => {
    const known: KnownProposal[] = [
      {
        id: 'kosovo-serbia-normalization',
        name: 'Kosovo-Serbia normalization',
        aliases: ['normalization of relations with Belgrade'],
      },
    ];
    const ps = proposalsOf('Pristina again rejected the normalization of relations with Serbia.', known);
    expect(ps.map((p) => [p.id, p.isNew])).toEqual([['kosovo-serbia-normalization', false]]);
  });

  it('merges a short later form into the proposal it abbreviates', () => {
    const ps = proposalsOf(
      'Peru proposed a regional fisheries agreement with Ecuador. Ecuador said it would consider a fisheries agreement next year.',
    );
    expect(ps).toHaveLength(1);
  });

  it('resolves "the proposal" and typed anaphors to the latest compatible proposal', () => {
    const r = extractArticle({
      text: 'Norway proposed a carbon border tax. Iceland proposed joint fisheries talks. Denmark rejected the tax, and Finland welcomed the talks. Sweden opposed the proposal.',
      publishedOn: '2024-03-15',
    });
    const pos = Object.fromEntries(r.stances.map((s) => [`${s.actorId}:${s.position}`, s.proposalId]));
    expect(pos['denmark:OPPOSE']).toBe('carbon-border-tax');
    expect(pos['finland:SUPPORT']).toBe('joint-fisheries-talks');
    expect(pos['sweden:OPPOSE']).toBe('joint-fisheries-talks');
  });
  it('keeps a known proposal apart when its modifier belongs to another noun in the new wording', () => {
    const known: KnownProposal[] = [{ id: 'naval-talks', name: 'Naval talks', aliases: ['naval talks'] }];
    const [p] = proposalsOf(
      "Chile's proposal to hold direct talks with Peru's naval command drew objections on Tuesday.",
      known,
    );
    expect(p.id).not.toBe('naval-talks');
    expect(p.name).toMatch(/talks with Peru's naval command/i);
    const [q] = proposalsOf('Chile repeated its proposal to hold naval talks with Peru on Tuesday.', known);
    expect(q.id).toBe('naval-talks');
  });
});
