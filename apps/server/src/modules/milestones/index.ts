/** The milestones module's public face (节点): what other modules and the app may use. */

export { milestonePhotosOfProject } from './milestone-photos';
export {
  getProjectMilestones,
  overdueNodeCounts,
  overdueNodesByRegion,
  overdueNodesIn,
} from './milestones.queries';
export { registerMilestoneRoutes } from './milestones.routes';
export { freezeProjectMilestones, planProjectMilestones, recordMilestoneActual } from './plan-milestones';
export { createMilestoneTemplate } from './templates';
