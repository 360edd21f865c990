export * from './accounts';
export * from './settings';
export * from './forum';
