/** English texts of the deliverables screens; spread into the main table in messages-en.ts. */
export const deliverablesEn = {} as const;
