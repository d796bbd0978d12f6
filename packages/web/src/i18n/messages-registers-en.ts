/** English texts of the registers screens; spread into the main table in messages-en.ts. */
export const registersEn = {} as const;
