/** English strings of support desks (issue 20): a category where each member sees only their own topics; fr beside it has the same keys. */
export const supportDeskEn = {
  note: 'A support desk: only you and the staff see your questions.',
  staffNote: 'A support desk: each member sees only their own questions; as staff, you see them all.',
  editorHint: 'In a support desk each member sees only the topics they started; the moderators see them all. It applies at once.',
};
