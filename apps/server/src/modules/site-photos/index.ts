/** The site-photos module's public face (形象进度): a project's photo timeline from every photo source. */
export { getPhotoTimeline } from './photo-timeline';
export { registerSitePhotoRoutes } from './site-photos.routes';
