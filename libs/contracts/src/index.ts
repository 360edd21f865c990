export * from './accounts';
export * from './settings';
export * from './forum';
export * from './groups';
export * from './search';
export * from './notifications';
export * from './moderation';
export * from './mailings';
