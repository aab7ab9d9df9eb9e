/** The project page module's public face: the first screen of 一项一档 in one request. */
export { getProjectFirstScreen } from './get-project-first-screen';
export { registerProjectPageRoutes } from './project-page.routes';
