/** The public face of the workbench module: what the rest of the server may use. */
export { registerWorkbenchRoutes } from './workbench.routes';
