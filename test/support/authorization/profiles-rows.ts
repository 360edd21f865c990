import type { Row } from './matrix';

/** Matrix rows of issue 15, part A (profiles): every route of the part × every role. */
export const PROFILE_ROWS: Row[] = [];
