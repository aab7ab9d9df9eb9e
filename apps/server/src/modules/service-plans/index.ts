/** The service-plans module's public face: what other modules may import. */
export { createMeasure, moveMeasure, updateMeasure } from './measures';
export { saveServicePlan } from './save-service-plan';
export { listServicePlans } from './service-plan-list';
export { registerServicePlanRoutes } from './service-plans.routes';
