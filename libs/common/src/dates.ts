/** The years a date may name: what every client means by a date, and well inside what PostgreSQL stores. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

/** True for a valid Date in years 1 to 9999 (PostgreSQL refuses year 0 and `+275760-…`, which JavaScript accepts). */
export function isStorableDate(value: Date): boolean {
  const time = value.getTime();
  if (Number.isNaN(time)) return false;
  const year = value.getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}
