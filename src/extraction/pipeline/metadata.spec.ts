import { cleanDate, parseTextFile, resolveMetadata, stripInlineHeader } from './metadata.js';

describe('metadata', () => {
  it('validates ISO day and month dates', () => {
    expect(cleanDate('2021-11-06')).toBe('2021-11-06');
    expect(cleanDate('2018-03')).toBe('2018-03');
    expect(cleanDate('2021-02-30')).toBeNull();
    expect(cleanDate('2021-13')).toBeNull();
    expect(cleanDate('yesterday')).toBeNull();
    expect(cleanDate(undefined)).toBeNull();
  });

  it('strips an inline date header and reads the date from it', () => {
    const { body, publishedOn } = stripInlineHeader(' date 2019-04-02 The ministry said so.');
    expect(publishedOn).toBe('2019-04-02');
    expect(body).toBe('The ministry said so.');
    expect(stripInlineHeader('Dated reports say').publishedOn).toBeNull();
  });

  it('lets given fields win over the inline header', () => {
    const r = resolveMetadata('date 2019-04-02 Body.', { publishedOn: '2019-04-03', outlet: ' Kyodo ', url: '' });
    expect(r.metadata).toEqual({ url: null, outlet: 'Kyodo', title: null, publishedOn: '2019-04-03' });
    expect(r.body).toBe('Body.');
    expect(resolveMetadata('date 2019-04-02 Body.', {}).metadata.publishedOn).toBe('2019-04-02');
  });

  it('parses a key: value header ended by ---', () => {
    const f = parseTextFile(
      'url: https://example.org/a\noutlet: Example Wire\ntitle: A title\npublished: 2020-05\n---\nBody line.\n',
    );
    expect(f.metadata).toEqual({
      url: 'https://example.org/a',
      outlet: 'Example Wire',
      title: 'A title',
      publishedOn: '2020-05',
    });
    expect(f.text.trim()).toBe('Body line.');
  });

  it('treats a file without a closed header as all text', () => {
    const content = 'Title: not a header really\nBecause no closing line follows.';
    expect(parseTextFile(content)).toEqual({ metadata: {}, text: content });
    expect(parseTextFile('Plain text only.').text).toBe('Plain text only.');
  });
});
