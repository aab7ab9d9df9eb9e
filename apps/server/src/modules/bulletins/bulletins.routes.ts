import { BulletinFormat, endpoints, fileRoutes } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import type { FileStore } from '../../lib/file-store';
import { bulletinContentTypes, issueBulletin, openBulletinFile } from './bulletin-files';
import { getBulletinTemplate, saveBulletinTemplate } from './bulletin-templates';
import {
  createBulletin,
  deleteBulletin,
  getBulletin,
  listBulletins,
  publishBulletin,
  refreshBulletin,
  reviewBulletin,
} from './bulletins';
import { getDailyBulletinSettings, saveDailyBulletinSettings } from './daily-bulletins';

/** 通报: templates, drafts from the data, review, issue with kept files, 收文 and 晾晒. */
export function registerBulletinRoutes(app: FastifyInstance, deps: RouteDeps, store: FileStore) {
  defineRoute(app, deps, endpoints.getBulletinTemplate, 'bulletin.read', ({ ctx, params }) =>
    getBulletinTemplate(ctx, params.kind),
  );
  defineRoute(app, deps, endpoints.saveBulletinTemplate, 'bulletin.manage', ({ ctx, params, body }) =>
    saveBulletinTemplate(ctx, params.kind, body),
  );
  defineRoute(app, deps, endpoints.getDailyBulletinSettings, 'bulletin.read', ({ ctx }) =>
    getDailyBulletinSettings(ctx),
  );
  defineRoute(app, deps, endpoints.saveDailyBulletinSettings, 'bulletin.manage', ({ ctx, body }) =>
    saveDailyBulletinSettings(ctx, body),
  );
  defineRoute(app, deps, endpoints.listBulletins, 'bulletin.read', ({ ctx, query }) =>
    listBulletins(ctx, query),
  );
  defineRoute(app, deps, endpoints.createBulletin, 'bulletin.manage', ({ ctx, body }) =>
    createBulletin(ctx, body),
  );
  defineRoute(app, deps, endpoints.getBulletin, 'bulletin.read', ({ ctx, params }) =>
    getBulletin(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.refreshBulletin, 'bulletin.manage', ({ ctx, params, body }) =>
    refreshBulletin(ctx, params.id, body.version),
  );
  defineRoute(app, deps, endpoints.reviewBulletin, 'bulletin.review', ({ ctx, params, body }) =>
    reviewBulletin(ctx, params.id, body.version),
  );
  defineRoute(app, deps, endpoints.issueBulletin, 'bulletin.manage', ({ ctx, params, body }) =>
    issueBulletin(ctx, params.id, body.version, store),
  );
  defineRoute(app, deps, endpoints.publishBulletin, 'bulletin.manage', ({ ctx, params, body }) =>
    publishBulletin(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.deleteBulletin, 'bulletin.manage', ({ ctx, params }) =>
    deleteBulletin(ctx, params.id),
  );
  app.get(
    fileRoutes.downloadBulletinFile,
    { config: { access: 'bulletin.read' }, schema: { hide: true } },
    async (request, reply) => {
      const { id, format } = z
        .object({
          id: z.uuid({ message: '无效的编号' }),
          format: BulletinFormat.or(z.never({ message: '文件格式应为 docx、pdf 或 xlsx' })),
        })
        .parse(request.params);
      const file = await openBulletinFile(deps.makeCtx(request), id, format, store);
      reply.header('content-disposition', attachmentDisposition(file.name));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(bulletinContentTypes[format]);
      return reply.send('bytes' in file ? file.bytes : file.stream);
    },
  );
}
