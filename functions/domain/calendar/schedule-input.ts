import { isCivilDate, isWeekend, yearOf, type CivilDate } from './civil-date.ts';

export interface ScheduleProblem {
  path: string;
  message: string;
  messageEn: string;
}

/**
 * Checks a year's schedule as an admin types it from the State Council notice. Dates belong to
 * that year, except that a notice may name a make-up day in the last days of the year before.
 * A make-up working day is by definition a weekend day; no date may be both.
 */
export function checkYearSchedule(year: number, input: { holidays: CivilDate[]; workdays: CivilDate[] }): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const inRange = (date: CivilDate) => yearOf(date) === year || (yearOf(date) === year - 1 && date.slice(5, 7) === '12');
  const check = (list: 'holidays' | 'workdays') =>
    input[list].forEach((date, i) => {
      const path = `${list}.${i}`;
      if (!isCivilDate(date)) problems.push({ path, message: `日期无效：${date}（应为 YYYY-MM-DD）`, messageEn: `Not a valid date: ${date} (expected YYYY-MM-DD)` });
      else if (!inRange(date)) problems.push({ path, message: `日期 ${date} 不属于 ${year} 年的安排`, messageEn: `${date} is not part of the ${year} schedule` });
      else if (list === 'workdays' && !isWeekend(date)) problems.push({ path, message: `调休上班日 ${date} 不是周末`, messageEn: `Make-up working day ${date} is not a weekend day` });
    });
  check('holidays');
  check('workdays');
  const holidays = new Set(input.holidays);
  input.workdays.forEach((date, i) => {
    if (holidays.has(date)) problems.push({ path: `workdays.${i}`, message: `${date} 不能既是假日又是上班日`, messageEn: `${date} cannot be both a holiday and a working day` });
  });
  return problems;
}
