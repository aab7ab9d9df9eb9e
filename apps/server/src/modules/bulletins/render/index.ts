export { renderBulletinAnnex } from './bulletin-annex';
export type { BulletinDocument } from './bulletin-document';
export { renderBulletinDocx } from './bulletin-docx';
export { renderBulletinPdf } from './bulletin-pdf';
