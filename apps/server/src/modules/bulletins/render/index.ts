import type { BulletinDocument } from './bulletin-document';

export type { BulletinDocument };
export const renderBulletinDocx = async (_d: BulletinDocument): Promise<Buffer> => Buffer.from('');
export const renderBulletinPdf = async (_d: BulletinDocument): Promise<Buffer> => Buffer.from('');
export const renderBulletinAnnex = async (_d: BulletinDocument): Promise<Buffer> => Buffer.from('');
