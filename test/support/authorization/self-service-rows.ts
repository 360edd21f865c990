import type { Row } from './matrix';

/** Matrix rows of issue 15, part B (self-service): every route of the part × every role. */
export const SELF_SERVICE_ROWS: Row[] = [];
