import { describe, expect, it } from 'vitest';
import { timeDocument } from './testing.js';

/** [text, type, value] of every timex found. */
function timexes(text: string, published: string | null = '2022-08-02') {
  return timeDocument(text, published).timexes.map((t) => [t.text, t.type, t.value]);
}
function valueOf(text: string, phrase: string, published: string | null = '2022-08-02') {
  const t = timeDocument(text, published).timexes.find((x) => x.text === phrase);
  return t ? `${t.type} ${t.value}` : `not found among ${JSON.stringify(timexes(text, published))}`;
}

describe('absolute dates', () => {
  it('reads full dates, months, years and numeric dates', () => {
    const text = 'The ceasefire signed on March 3, 2019 collapsed in October 2020. Elections followed on 12 June 2021 and again on 2021-11-07, then on 4/5/2022. The party was founded in 1987.';
    expect(timexes(text)).toEqual([
      ['March 3, 2019', 'DATE', '2019-03-03'],
      ['October 2020', 'DATE', '2020-10'],
      ['12 June 2021', 'DATE', '2021-06-12'],
      ['2021-11-07', 'DATE', '2021-11-07'],
      ['4/5/2022', 'DATE', '2022-04-05'],
      ['1987', 'DATE', '1987'],
    ]);
  });

  it('gives a month and day without a year the year the tense points to', () => {
    expect(valueOf('The convoy was ambushed on June 3.', 'June 3')).toBe('DATE 2022-06-03');
    expect(valueOf('The talks will resume on September 14.', 'September 14')).toBe('DATE 2022-09-14');
    expect(valueOf('Rebels seized the port in November.', 'November')).toBe('DATE 2021-11');
    expect(valueOf('Rebels seized the port on November 20 last year.', 'November 20 last year')).toBe('DATE 2021-11-20');
  });

  it('reads decades, centuries and fuzzy positions', () => {
    expect(valueOf('The movement grew in the early 1980s.', 'early 1980s')).toBe('DATE 198');
    expect(valueOf('Its roots lie in the 19th century.', '19th century')).toBe('DATE 18');
    expect(valueOf('The militia was disbanded in late 2014.', 'late 2014')).toBe('DATE 2014');
    expect(valueOf('The group weakened toward the end of the last decade.', 'the end of the last decade')).toBe('DATE 201');
    expect(valueOf('The treaty lapsed in mid-2016.', 'mid-2016')).toBe('DATE 2016');
  });

  it('splits year ranges into one timex per year', () => {
    expect(timexes('He ruled the province from 1996 to 2001.')).toEqual([
      ['1996', 'DATE', '1996'],
      ['2001', 'DATE', '2001'],
    ]);
    expect(timexes('The 1957-58 season was the last.')).toEqual([
      ['1957', 'DATE', '1957'],
      ['58', 'DATE', '1958'],
    ]);
  });

  it('counts "the following year" from the last date named, and lends a range its year', () => {
    expect(timexes('The front was formed in 2003. The following year it split, and in May of that year its leader fled.')).toEqual([
      ['2003', 'DATE', '2003'],
      ['The following year', 'DATE', '2004'],
      ['May of that year', 'DATE', '2004-05'],
    ]);
    expect(timexes('Fighting raged from March to June 2015 and from November to February 2017.').map((t) => t[2])).toEqual(['2015-03', '2015-06', '2016-11', '2017-02']);
  });

  it('counts "two years later" from the date just named, else keeps the duration', () => {
    expect(timexes('He was arrested in March 2011. Two years later, he was freed; ten days later he fled.')).toEqual([
      ['March 2011', 'DATE', '2011-03'],
      ['Two years later', 'DATE', '2013'],
      ['ten days', 'DURATION', 'P10D'],
    ]);
    expect(timexes('Exports rose 5% from a year earlier.')).toEqual([['a year', 'DURATION', 'P1Y']]);
    expect(timexes('Three weeks later, the town fell.')).toEqual([['Three weeks', 'DURATION', 'P3W']]);
  });

  it('does not read dates inside web addresses', () => {
    expect(timexes('Source: https://example.com/2019/03/04/story.html or www.site.org/2020; write to ops2019@mail.com.')).toEqual([]);
  });

  it('does not read labels as years', () => {
    expect(timexes('Resolution 1973 allowed strikes; flight 2019 and Article 1990 are unrelated.')).toEqual([]);
  });

  it('dates fixed holidays by the year given or the tense', () => {
    expect(valueOf('Gunmen attacked a church on Christmas Eve.', 'Christmas Eve')).toBe('DATE 2021-12-24');
    expect(valueOf('The offensive began on Christmas 2016.', 'Christmas 2016')).toBe('DATE 2016-12-25');
  });

  it('dates well-known events from the data file', () => {
    expect(valueOf('Security changed after 9/11.', '9/11')).toBe('DATE 2001-09-11');
    // The extent is the date inside the event's name; the year comes from the data, not the publication date.
    expect(valueOf('Since the October 7 attack, talks have stalled.', 'October 7', '2024-03-07')).toBe('DATE 2023-10-07');
  });
});

describe('relative dates (published Tuesday 2022-08-02)', () => {
  it('resolves weekdays, days and periods against the publication date', () => {
    expect(valueOf('Police arrested him last Sunday.', 'last Sunday')).toBe('DATE 2022-07-31');
    expect(valueOf('Police arrested him on Friday.', 'Friday')).toBe('DATE 2022-07-29');
    expect(valueOf('The envoy will arrive on Friday.', 'Friday')).toBe('DATE 2022-08-05');
    expect(valueOf('The envoy arrived yesterday.', 'yesterday')).toBe('DATE 2022-08-01');
    expect(valueOf('Prices rose last month.', 'last month')).toBe('DATE 2022-07');
    expect(valueOf('The vote is due next year.', 'next year')).toBe('DATE 2023');
    expect(valueOf('Fighting resumed this week.', 'this week')).toBe('DATE 2022-W31');
    expect(valueOf('The camp was bombed three years ago.', 'three years ago')).toBe('DATE 2019');
    expect(valueOf('Aid resumed earlier this month.', 'earlier this month')).toBe('DATE 2022-08');
    expect(valueOf('Shelling continued on Sunday night.', 'Sunday night')).toBe('TIME 2022-07-31TNI');
    expect(valueOf('The curfew starts at 9 p.m. tomorrow.', '9 p.m. tomorrow')).toBe('TIME 2022-08-03T21:00');
  });

  it('reads a schedule in the present tense as ahead, a past event as behind', () => {
    expect(valueOf('The minister arrives on Friday.', 'Friday')).toBe('DATE 2022-08-05');
    expect(valueOf('Protests continue on Friday, organizers said.', 'Friday')).toBe('DATE 2022-08-05');
    expect(valueOf("Friday's attack is the third this month.", 'Friday')).toBe('DATE 2022-07-29');
    expect(valueOf('Police say the attack happened on Friday.', 'Friday')).toBe('DATE 2022-07-29');
  });

  it('reads the present perfect as no side of the publication date, and joins a day and its clock time', () => {
    expect(valueOf('A September 14 hearing has been scheduled.', 'September 14')).toBe('DATE 2022-09-14');
    expect(valueOf('The strike hit at 06:40 GMT, July 30, officials said.', '06:40 GMT, July 30')).toBe('TIME 2022-07-30T06:40');
    expect(timexes('The cars of the 70s and 80s.').map((t) => t[2])).toEqual(['197', '198']);
  });

  it('reads the word orders translations produce', () => {
    expect(valueOf('The Taliban took Kabul last August 15.', 'last August 15')).toBe('DATE 2021-08-15');
    expect(valueOf('The past 15 of August was calm.', 'The past 15 of August')).toBe('DATE 2021-08-15');
    expect(valueOf('This Sunday the army attacked the town.', 'This Sunday')).toBe('DATE 2022-07-31');
    expect(valueOf('This Sunday the army will attack the town.', 'This Sunday')).toBe('DATE 2022-08-07');
    expect(valueOf('The group grew in the nineties.', 'the nineties')).toBe('DATE 199');
  });

  it('marks the present and the past in general', () => {
    expect(valueOf('The group now controls the valley.', 'now')).toBe('DATE PRESENT_REF');
    expect(valueOf('The border is currently closed.', 'currently')).toBe('DATE PRESENT_REF');
  });

  it('leaves relative dates unresolved without a publication date', () => {
    const doc = timeDocument('Police arrested him last Sunday, a week after the raid.', null);
    expect(doc.meta.published).toBeNull();
    expect(doc.timexes.map((t) => [t.text, t.value])).toEqual([
      ['last Sunday', 'XXXX-WXX-7'],
      ['a week', 'P1W'],
    ]);
    expect(timeDocument('Talks ended last week.', null).timexes.map((t) => t.value)).toEqual(['XXXX-WXX']);
  });
});

describe('durations and sets', () => {
  it('normalizes durations with numbers, words and vague quantities', () => {
    expect(timexes('The siege lasted three years. Talks took 18 months, then several weeks more. The truce held for almost seven days.')).toEqual([
      ['three years', 'DURATION', 'P3Y'],
      ['18 months', 'DURATION', 'P18M'],
      ['several weeks', 'DURATION', 'PXW'],
      ['almost seven days', 'DURATION', 'P7D'],
    ]);
    expect(valueOf('Over the past two years the group lost ground.', 'the past two years')).toBe('DURATION P2Y');
    expect(valueOf('The government imposed a 24-hour curfew.', '24-hour')).toBe('DURATION PT24H');
    expect(valueOf('Observers will stay for a decade.', 'a decade')).toBe('DURATION P10Y');
    // "last" as a verb stays outside the extent.
    expect(valueOf('The ceasefire is to last 60 days.', '60 days')).toBe('DURATION P60D');
  });

  it('gives a range of quantities the shared unit', () => {
    expect(timexes('The trial could take between two and three years.')).toEqual([
      ['two', 'DURATION', 'P2Y'],
      ['three years', 'DURATION', 'P3Y'],
    ]);
  });

  it('recognizes sets', () => {
    expect(valueOf('The council meets every week.', 'every week')).toBe('SET P1W');
    expect(valueOf('Protesters gather every Friday.', 'every Friday')).toBe('SET XXXX-WXX-5');
    expect(valueOf('Convoys cross twice a month.', 'twice a month')).toBe('SET P1M');
  });
});

describe('things that are not time expressions', () => {
  it('does not read plain numbers as years', () => {
    expect(timexes('The raid killed 105 children and 2,000 fighters; 1500 people fled and 2013 soldiers deserted. It cost $2019 per family.')).toEqual([]);
  });

  it('does not read the modal "may" or a name as a month or a day', () => {
    expect(timexes('The rebels may attack again, said Theresa May.')).toEqual([]);
    expect(timexes('He told USA Today he would stay.')).toEqual([]);
  });

  it('does not read ordinals, ages or "a second" as durations', () => {
    expect(timexes('A second attack hit the 22-year-old recruit during the first round.')).toEqual([]);
    expect(timexes('A 55-year old man, 45 years old, was hurt.')).toEqual([]);
  });

  it('skips impossible dates and never emits absurd years', () => {
    const found = timexes('The decree is dated February 30, 2021. Code 0999 and 3021 appear; so does 9999.');
    expect(found.find((t) => String(t[0]).startsWith('February 30'))).toBeUndefined();
    for (const [, , value] of found) {
      const year = /^(\d{4})/.exec(String(value))?.[1];
      if (year) expect(+year).toBeGreaterThanOrEqual(1000), expect(+year).toBeLessThanOrEqual(2200);
    }
  });

  it('handles two-digit years and text full of numbers without absurd values', () => {
    expect(valueOf('It was signed on 3/4/21.', '3/4/21')).toBe('DATE 2021-03-04');
    const numbers = Array.from({ length: 5000 }, (_, i) => `${(i * 7919) % 100000}`).join(' ');
    const doc = timeDocument(`Figures: ${numbers}.`, '2022-08-02');
    for (const t of doc.timexes) {
      expect(t.type).toBe('DATE');
      expect(+t.value).toBeGreaterThanOrEqual(1900);
      expect(+t.value).toBeLessThanOrEqual(2100);
    }
  });

  it('keeps every span consistent with the text', () => {
    const text = 'On Monday, 14 March 2022, at 15:00 GMT, three weeks after the attack of last Friday, the army said it had held the town since the mid-1990s.';
    const doc = timeDocument(text, '2022-03-16');
    expect(doc.timexes.length).toBeGreaterThan(3);
    for (const t of doc.timexes) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('publication date', () => {
  const today = { y: 2026, m: 1, d: 1 };

  it('is inferred from a wire dateline when none is given', () => {
    const doc = timeDocument('KABUL, Aug 30, 2021 (Reuters) - The last US troops left on Monday, officials said.', null, { today });
    expect(doc.meta.published).toBe('2021-08-30');
    expect(doc.publishedEvidence?.confidence).toBeGreaterThan(0.5);
    expect(doc.timexes.find((t) => t.text === 'Monday')?.value).toBe('2021-08-30');
  });

  it('takes a dateline without a year from the dates in the text', () => {
    const doc = timeDocument('BEIRUT, March 4 (AFP) – The strike, the first since February 2019, hit a depot.', null, { today });
    // The latest year the text names, 2019; "March 4" is not after today then.
    expect(doc.meta.published).toBe('2019-03-04');
    expect(doc.publishedEvidence?.from).toMatch(/BEIRUT/);
    expect(doc.publishedEvidence?.confidence).toBeLessThan(0.85);
  });

  it('is inferred from a "Published" line', () => {
    const doc = timeDocument('Clashes in the north\nPublished 3 March 2021\nFighting broke out yesterday near the border.', null, { today });
    expect(doc.meta.published).toBe('2021-03-03');
    expect(doc.publishedEvidence?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(doc.timexes.find((t) => t.text === 'yesterday')?.value).toBe('2021-03-02');
  });

  it('reads the date lines pages put under a title', () => {
    const cases: Array<[string, string]> = [
      ['Published: 12:05 PM EDT, Mon March 4, 2019\nTroops left yesterday.', '2019-03-04'],
      ['Updated 2019-03-04T12:05:00Z\nTroops left yesterday.', '2019-03-04'],
      ['Syria war\nLast modified on Tue 5 Mar 2019 10.20 GMT\nTroops left yesterday.', '2019-03-05'],
      ['By Jane Roe | 4 March 2019\nTroops left yesterday.', '2019-03-04'],
    ];
    for (const [text, expected] of cases) {
      const doc = timeDocument(text, null, { today });
      expect(doc.meta.published, text).toBe(expected);
      expect(doc.messages.some((m) => m.rule === 'published-inferred')).toBe(true);
    }
  });

  it('never guesses a date after today, and the user\'s date always wins', () => {
    const future = timeDocument('Published 3 March 2031\nThe vote was held.', null, { today });
    expect(future.meta.published).toBeNull();
    const given = timeDocument('Published 3 March 2021\nThe vote was held yesterday.', '2021-03-05', { today });
    expect(given.meta.published).toBe('2021-03-05');
    expect(given.publishedEvidence ?? null).toBeNull();
    expect(given.timexes.find((t) => t.text === 'yesterday')?.value).toBe('2021-03-04');
  });

  it('warns about a publication date in the future and still resolves against it', () => {
    const doc = timeDocument('The vote was held yesterday.', '2099-01-02', { today });
    expect(doc.messages.some((m) => m.rule === 'future-published')).toBe(true);
    expect(doc.timexes[0].value).toBe('2099-01-01');
  });
});
