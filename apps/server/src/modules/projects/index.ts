/** The projects module's public face: what other modules may import. */

export { changeProjectStage } from './change-project-stage';
export { listProjects } from './list-projects';
export { createLookupMemo } from './project-references';
export { presentProject } from './projects.presenter';
export { filteredProjectIds, getProject, getProjectWith, listProjectsForExport } from './projects.queries';
export { registerProjectRoutes } from './projects.routes';
export { learnActualDatesFromReports, recordActualDates } from './record-actual-dates';
export {
  applyProjectUpdate,
  createProject,
  insertProject,
  type PreparedProject,
  prepareProject,
  projectChanges,
  projectFormFields,
  writeProjects,
} from './save-project';
