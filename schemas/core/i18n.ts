/** Text a user may see, always with Vietnamese first. */
export interface Text {
  vi: string;
  en: string;
}
