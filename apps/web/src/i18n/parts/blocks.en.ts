/** English strings of the blocks namespace (issue 15); fr beside it has the same keys. */
export const blocksEn = {
  title: 'Blocked members',
};
