import type { registersEn } from './messages-registers-en.ts';

/** French texts of the registers screens, keyed like the English ones. */
export const registersFr: Readonly<Record<keyof typeof registersEn, string>> = {};
