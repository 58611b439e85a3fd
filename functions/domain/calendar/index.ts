export * from './civil-date.ts';
export * from './year-schedule.ts';
export * from './working-calendar.ts';
export * from './deadline.ts';
export * from './schedule-input.ts';
export * from './calendar-store.ts';
