/** The inspections module's public face: what other modules, jobs and the demo may import. */
export { copyInspectionChecklists, createInspectionChecklist, updateInspectionChecklist } from './checklists';
export { type InspectionDayRegionFigures, inspectionDayFigures } from './coverage';
export { closeInspectionFinding, replyInspectionFinding, returnInspectionFinding } from './finding-moves';
export { addFindingPhotos, inspectionPhotosOfProject } from './finding-photos';
export { listInspectionFindings } from './inspections.queries';
export { registerInspectionRoutes } from './inspections.routes';
export { overdueInspectionFindingsJob } from './overdue-findings.job';
export { raiseInspectionFindingProblem, raiseOverdueFindings } from './raise-finding-problem';
export { recordInspection } from './record-inspection';
