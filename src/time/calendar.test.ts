import { describe, expect, it } from 'vitest';
import { calendarValue } from './values.js';
import { addMonths, durationValue, formatWeek, isValidDay, parseDay, shiftedValue, unitValue } from './calendar.js';

describe('calendar', () => {
  it('rejects days that do not exist', () => {
    expect(isValidDay(2022, 2, 30)).toBe(false);
    expect(isValidDay(2024, 2, 29)).toBe(true);
    expect(isValidDay(2023, 2, 29)).toBe(false);
    expect(parseDay('2022-13-01')).toBeNull();
    expect(parseDay('2022-08-02')).toEqual({ y: 2022, m: 8, d: 2 });
  });

  it('numbers ISO weeks across the new year', () => {
    expect(formatWeek({ y: 2013, m: 3, d: 22 })).toBe('2013-W12');
    // 1 January 2021 was a Friday: it belongs to the last week of 2020.
    expect(formatWeek({ y: 2021, m: 1, d: 1 })).toBe('2020-W53');
    expect(formatWeek({ y: 2024, m: 12, d: 30 })).toBe('2025-W01');
  });

  it('clamps month arithmetic to the month length', () => {
    expect(addMonths({ y: 2023, m: 1, d: 31 }, 1)).toEqual({ y: 2023, m: 2, d: 28 });
    expect(addMonths({ y: 2023, m: 1, d: 15 }, -2)).toEqual({ y: 2022, m: 11, d: 15 });
  });

  it('writes periods and shifts at their granularity', () => {
    const day = { y: 2022, m: 8, d: 2 };
    expect(unitValue(day, 'M', -1)).toBe('2022-07');
    expect(unitValue(day, 'Q', -3)).toBe('2021-Q4');
    expect(unitValue(day, 'DE', -1)).toBe('201');
    expect(unitValue(day, 'CE', 0)).toBe('20');
    expect(shiftedValue(day, 'Y', -3)).toBe('2019');
    expect(shiftedValue(day, 'D', -3)).toBe('2022-07-30');
  });

  it('writes durations with the time designator only for clock units', () => {
    expect(durationValue(3, 'Y')).toBe('P3Y');
    expect(durationValue(24, 'H')).toBe('PT24H');
    expect(durationValue(5, 'MIN')).toBe('PT5M');
    expect(durationValue(null, 'W')).toBe('PXW');
  });
});

describe('calendarValue (for fact times)', () => {
  it('turns timex values into calendar prefixes', () => {
    expect(calendarValue('2022-07-31')).toBe('2022-07-31');
    expect(calendarValue('201')).toBe('201');
    expect(calendarValue('2013-03-22TAF')).toBe('2013-03-22');
    expect(calendarValue('2013-W12')).toBe('2013-03');
    expect(calendarValue('2020-W53')).toBe('2020-12');
    expect(calendarValue('2012-SU')).toBe('2012');
    expect(calendarValue('PRESENT_REF', '2022-08-02')).toBe('2022-08-02');
    expect(calendarValue('PRESENT_REF')).toBeNull();
    expect(calendarValue('P3Y')).toBeNull();
    expect(calendarValue('XXXX-WXX-7')).toBeNull();
    expect(calendarValue('PAST_REF')).toBeNull();
  });
});
