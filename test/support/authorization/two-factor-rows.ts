import type { Row } from './matrix';

/** Matrix rows of issue 15, part C (two-factor): every route of the part × every role. */
export const TWO_FACTOR_ROWS: Row[] = [];
