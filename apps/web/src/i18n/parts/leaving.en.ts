/** English strings of the leaving namespace (issue 15); fr beside it has the same keys. */
export const leavingEn = {
  exportTitle: 'Export your data',
  deleteTitle: 'Delete your account',
};
