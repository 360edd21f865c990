export * from './accounts';
export * from './settings';
