/** The approval-documents module's public face: 办理材料 filed on approval items, kept as project files. */
export { registerApprovalDocumentRoutes } from './approval-documents.routes';
