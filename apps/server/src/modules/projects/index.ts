/** The projects module's public face: what other modules may import. */
export { createLookupMemo } from './project-references';
export { presentProject } from './projects.presenter';
export { filteredProjectIds, getProject, listProjectsForExport } from './projects.queries';
export { learnActualDatesFromReports, recordActualDates } from './record-actual-dates';
export {
  applyProjectUpdate,
  type PreparedProject,
  prepareProject,
  projectChanges,
  projectFormFields,
  writeProjects,
} from './save-project';
