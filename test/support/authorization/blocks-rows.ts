import type { Row } from './matrix';

/** Matrix rows of issue 15, part D (blocks): every route of the part × every role. */
export const BLOCK_ROWS: Row[] = [];
