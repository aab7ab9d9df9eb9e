/** The project-files module's public face: what other modules may import. */

export {
  type PhotoProject,
  type SitePhoto,
  type SitePhotoEvidence,
  type SitePhotoSourceKind,
  sitePhotoEvidence,
} from './photo-evidence';
export { effectivePhotoEvidenceSettings } from './photo-evidence-settings';
export {
  type IncomingFile,
  maxFileBytes,
  maxFilesPerUpload,
  type ProjectFileRow,
  softDeleteProjectFile,
  storeProjectFiles,
  uploadProjectFiles,
  type VettedFile,
  vetFiles,
} from './project-files';
export { presentFile, readUploadedFiles, registerProjectFileRoutes } from './project-files.routes';
