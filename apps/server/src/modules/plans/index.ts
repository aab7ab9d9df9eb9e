/** The plans module's public face: what other modules may import. */
export { freezeAnnualPlans } from './freeze-annual-plans';
export { type DraftPlanAction, draftPlanIssues, writeDraftPlans } from './write-draft-plans';
