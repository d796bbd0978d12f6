import type { deliverablesEn } from './messages-deliverables-en.ts';

/** French texts of the deliverables screens, keyed like the English ones. */
export const deliverablesFr: Readonly<Record<keyof typeof deliverablesEn, string>> = {};
