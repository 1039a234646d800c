/**
 * Text a user may see, always with Vietnamese first. Every page, email and
 * export reads only `vi`; English is kept where a form has it, never required.
 */
export interface Text {
  vi: string;
  en?: string;
}

/** What an author may write for a label: the Vietnamese alone, or `{ vi, en }`. */
export type Wording = string | Text;

/** A wording as the metadata carries it: always `{ vi }` (with `en` when given). */
export const wording = (w: Wording): Text => (typeof w === 'string' ? { vi: w } : w);
