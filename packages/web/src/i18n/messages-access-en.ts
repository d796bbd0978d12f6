/** English texts of the access screens; spread into the main table in messages-en.ts. */
export const accessEn = {} as const;
