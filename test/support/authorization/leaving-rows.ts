import type { Row } from './matrix';

/** Matrix rows of issue 15, part E (leaving): every route of the part × every role. */
export const LEAVING_ROWS: Row[] = [];
