/**
 * The cockpit-programmes module's public face: the cockpit's 专项工作 panel, built from the faces of
 * the programme modules (which read the cockpit's region resolver, hence a module of its own).
 */
export { getCockpitProgrammes } from './cockpit-programmes';
export { registerCockpitProgrammesRoutes } from './cockpit-programmes.routes';
