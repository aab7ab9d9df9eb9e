/** The public face of the screen module: what the rest of the server may use. */
export { registerScreenRoutes } from './screen.routes';
