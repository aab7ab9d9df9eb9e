/** The bulletins module's public face (通报): what other modules, the app and the CLI may use. */
export {
  bulletinDocument,
  generateBulletinFiles,
  issueBulletin,
  openBulletinFile,
  renderBulletinFile,
} from './bulletin-files';
export { publicBulletin } from './bulletin-public';
export { bulletinAmount, takeBulletinSnapshot } from './bulletin-snapshot';
export {
  createBulletin,
  getBulletin,
  listBulletins,
  refreshBulletin,
  reviewBulletin,
} from './bulletins';
export { registerBulletinRoutes } from './bulletins.routes';
export { dailyBulletinsJob, officeSystemCtx, runDailyBulletins } from './daily-bulletins';
