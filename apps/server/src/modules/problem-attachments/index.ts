/** The public face of the problem-attachments module: what the rest of the server may use. */
export { registerProblemAttachmentRoutes } from './problem-attachments.routes';
