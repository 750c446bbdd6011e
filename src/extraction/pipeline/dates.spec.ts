import { dateCompatible, findDates, morePrecise, resolveDate } from './dates.js';

describe('dates', () => {
  it('resolves weekdays to the most recent such day on or before publication', () => {
    expect(resolveDate('said Saturday', '2021-11-06')).toBe('2021-11-06'); // a Saturday
    expect(resolveDate('on Monday', '2017-07-19')).toBe('2017-07-17');
    expect(resolveDate('on Tuesday', '2017-07-19')).toBe('2017-07-18');
    expect(resolveDate('Sunday', '2024-01-02')).toBe('2023-12-31');
  });

  it('reads a month with its day after a preposition as the day ("since October 7"), a month alone with it', () => {
    expect(findDates('the war that has raged since October 7.', '2024-03-22').map((d) => [d.text, d.value])).toEqual([
      ['October 7', '2023-10-07'],
    ]);
    expect(findDates('Talks began in October.', '2024-03-22').map((d) => [d.text, d.value])).toEqual([
      ['in October', '2023-10'],
    ]);
  });

  it('reads "earlier in the day" as the report\'s day, at the start of a sentence too', () => {
    expect(findDates('Earlier in the day, the minister said so.', '2023-04-04').map((d) => d.value)).toEqual([
      '2023-04-04',
    ]);
    expect(findDates('The minister had said so later in the day.', '2023-04-04').map((d) => d.value)).toEqual([
      '2023-04-04',
    ]);
  });

  it('only knows the month for a weekday when publication is month-precision', () => {
    expect(resolveDate('said Wednesday', '2018-03')).toBe('2018-03');
    expect(resolveDate('said Wednesday', null)).toBeNull();
  });

  it('infers the year of a month-day, moving back past publication', () => {
    expect(resolveDate('on Oct. 19', '2021-11-06')).toBe('2021-10-19');
    expect(resolveDate('October 19', '2021-11-06')).toBe('2021-10-19');
    expect(resolveDate('on Dec. 30', '2022-01-04')).toBe('2021-12-30');
    expect(resolveDate('On Feb. 9 this year', '2018-03')).toBe('2018-02-09');
    expect(resolveDate('19 October', '2021-11-06')).toBe('2021-10-19');
  });

  it('handles explicit dates, months and relative periods', () => {
    expect(resolveDate('July 7, 2017', null)).toBe('2017-07-07');
    expect(resolveDate('2020-02-29', null)).toBe('2020-02-29');
    expect(resolveDate('in September', '2021-11-06')).toBe('2021-09');
    expect(resolveDate('in December', '2021-11-06')).toBe('2020-12');
    expect(resolveDate('in March 2019', '2021-11-06')).toBe('2019-03');
    expect(resolveDate('last month', '2021-01-15')).toBe('2020-12');
    expect(resolveDate('earlier this month', '2018-03')).toBe('2018-03');
    expect(resolveDate('yesterday', '2021-03-01')).toBe('2021-02-28');
    expect(resolveDate('this year', '2018-03')).toBeNull();
    expect(resolveDate('in 2002', '2018-03')).toBeNull();
  });

  it('does not read the modal "may" as a month', () => {
    expect(findDates('The talks may resume soon.', '2021-11-06')).toEqual([]);
    expect(resolveDate('in May', '2021-11-06')).toBe('2021-05');
  });

  it('finds several expressions with offsets', () => {
    const text = 'On Feb. 9 this year he met her; on Monday they said so.';
    const found = findDates(text, '2018-03-14');
    expect(found.map((d) => d.value)).toEqual(['2018-02-09', '2018-03-12']);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(findDates('next month', '2018-03-14')[0].future).toBe(true);
  });

  it('compares dates of different precision', () => {
    expect(dateCompatible('2021-10', '2021-10-19')).toBe(true);
    expect(dateCompatible('2021-09', '2021-10-19')).toBe(false);
    expect(dateCompatible(null, '2021-10-19')).toBe(true);
    expect(morePrecise('2021-10', '2021-10-19')).toBe('2021-10-19');
  });
});
