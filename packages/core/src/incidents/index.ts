export * from './classification.schema.ts';
export * from './classify.ts';
export * from './deadlines.ts';
export * from './register.ts';
export { addMonths, isNonWorkingDay, noonOfNextWorkingDay } from './calendar.ts';
