/** The shape every other language must have: the English dictionary's keys, each a string. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
