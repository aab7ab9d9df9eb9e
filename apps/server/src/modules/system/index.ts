/** The public face of the system module: what the rest of the server may use. */

export { initialiseInstallation } from './initialise';
export { type Lifecycle, registerSystemRoutes } from './system.routes';
