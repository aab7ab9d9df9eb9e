/** The plans module's public face: what other modules may import. */

export { adjustAnnualPlan } from './adjust-annual-plan';
export { freezeAnnualPlans } from './freeze-annual-plans';
export { registerPlanRoutes } from './plans.routes';
export { saveAnnualPlan } from './save-annual-plan';
export { type DraftPlanAction, draftPlanIssues, writeDraftPlans } from './write-draft-plans';
