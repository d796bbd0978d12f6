import type { accessEn } from './messages-access-en.ts';

/** French texts of the access screens, keyed like the English ones. */
export const accessFr: Readonly<Record<keyof typeof accessEn, string>> = {};
