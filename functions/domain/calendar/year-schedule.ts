import type { CivilDate } from './civil-date.ts';

/**
 * One year's official schedule (国务院办公厅关于部分节假日安排的通知): the public holidays
 * (days off, weekend days inside a holiday included) and the weekend days that are working days
 * (调休上班). Any other day is a working day from Monday to Friday.
 */
export interface YearSchedule {
  year: number;
  holidays: CivilDate[];
  workdays: CivilDate[];
  /** Holiday names by date, where known (for the citizen's explanation). */
  names?: Record<CivilDate, string>;
  source: 'package' | 'override';
  /** When an override was loaded, and by whom (staff sub), for the ledger. */
  loadedAt?: string;
  loadedBy?: string;
}

/**
 * The statutory holidays on fixed dates (全国年节及纪念日放假办法): until a year's schedule is
 * loaded, at least these are days off; the year stays provisional.
 */
export const FIXED_HOLIDAYS: Record<string, string> = {
  '01-01': '元旦',
  '05-01': '劳动节',
  '10-01': '国庆节',
  '10-02': '国庆节',
  '10-03': '国庆节',
};

export const fixedHoliday = (date: CivilDate): string | undefined => FIXED_HOLIDAYS[date.slice(5)];
