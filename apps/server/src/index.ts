export { type App, buildApp } from './app';
export { loadAuditKey, readSettings } from './config';
export type { Clock, Ctx } from './context';
export type { DatabaseHandle } from './db/database';
export { DirectoryLockedError } from './db/directory-lock';
export { openDatabase } from './db/open-database';
export { demoPassword, loadDemo } from './demo/load-demo';
export { addAccount, resetPasswordByUsername, systemCtx } from './modules/users/account-ops';
export { startServer } from './server';
