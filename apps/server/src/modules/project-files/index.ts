/** The project-files module's public face: what other modules may import. */
export {
  type IncomingFile,
  maxFileBytes,
  maxFilesPerUpload,
  uploadProjectFiles,
  vetFiles,
} from './project-files';
export { presentFile, readUploadedFiles } from './project-files.routes';
