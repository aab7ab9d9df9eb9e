import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analyticsCtx, type Clock, type Ctx, systemClock } from './context';
import type { DatabaseHandle } from './db/database';
import { installErrorHandler } from './http/error-handler';
import { installIdempotency } from './http/idempotency';
import { guardInput, refuseUnknownQuery } from './http/input-guard';
import { installJsonBodyParser } from './http/json-body';
import { databaseRateLimitStore } from './http/rate-limit-store';
import type { RouteDeps } from './http/route';
import { anonymousActor, installSessionHook } from './http/session-hook';
import { registerWebApp } from './http/web-app';
import { registerJobRoutes } from './jobs/jobs.routes';
import { enqueuedCount } from './jobs/outbox';
import { jobRegistry } from './jobs/registry';
import { fileStoreFor } from './lib/file-store';
import { registerApprovalDocumentRoutes } from './modules/approval-documents';
import { registerApprovalRoutes } from './modules/approvals';
import { installAccessAudit, registerAuditRoutes } from './modules/audit';
import { registerAuthRoutes } from './modules/auth';
import { registerBankMatchmakingRoutes } from './modules/bank-matchmaking';
import { registerBatchRoutes } from './modules/batches';
import { registerBulletinRoutes } from './modules/bulletins';
import { registerCalendarRoutes } from './modules/calendar';
import { registerCampaignRoutes } from './modules/campaigns';
import { registerCockpitRoutes } from './modules/cockpit';
import { registerDispatchRoutes } from './modules/dispatch';
import { registerEvaluationRoutes } from './modules/evaluation';
import { registerFactorRoutes } from './modules/factors';
import { registerFundRoutes } from './modules/funds';
import { registerInspectionRoutes } from './modules/inspections';
import { registerLedgerExportRoutes, registerLedgerRoutes } from './modules/ledger';
import { fetchTile, registerBasemapRoutes, registerMapRoutes, type TileFetcher } from './modules/map';
import { registerMilestoneRoutes } from './modules/milestones';
import { registerNotificationRoutes } from './modules/notifications';
import { registerOrganisationRoutes } from './modules/organisations';
import { registerPlanRoutes } from './modules/plans';
import { registerProblemAttachmentRoutes } from './modules/problem-attachments';
import { registerProblemLetterRoutes } from './modules/problem-letters';
import { registerProblemRoutes } from './modules/problems';
import { maxFileBytes, maxFilesPerUpload, registerProjectFileRoutes } from './modules/project-files';
import { registerProjectLetterRoutes } from './modules/project-letters';
import { registerProjectPageRoutes } from './modules/project-page';
import { registerProjectRoutes } from './modules/projects';
import { registerPromotionRoutes } from './modules/promotion';
import { registerReconciliationRoutes } from './modules/reconciliation';
import { registerRegionRoutes } from './modules/regions';
import { registerReportRoutes } from './modules/reports';
import { registerResumptionRoutes } from './modules/resumption';
import { registerScreenRoutes } from './modules/screen';
import { registerSecurityRoutes } from './modules/security';
import { registerServicePlanRoutes } from './modules/service-plans';
import { registerSitePhotoRoutes } from './modules/site-photos';
import { type Lifecycle, registerSystemRoutes } from './modules/system';
import { registerUserRoutes } from './modules/users';
import { registerWarningRoutes } from './modules/warnings';
import { registerWorkbenchRoutes } from './modules/workbench';
import { registerWorkforceRoutes } from './modules/workforce';
import { recomputeProvisionalDeadlines } from './provisional-deadlines';

z.config(z.locales.zhCN());

export interface AppConfig {
  database: DatabaseHandle;
  auditKey: Buffer;
  clock?: Clock;
  /** Built web app to serve (apps/web/dist); none in API-only tests. */
  webDist?: string | null;
  logger?: boolean | object;
  /** Mark cookies Secure (behind TLS). */
  secureCookies?: boolean;
  /** Honour X-Forwarded-For from a reverse proxy for the client address. */
  trustProxy?: boolean;
  /** Extra origins allowed to make state-changing requests (a separate web host). */
  allowedOrigins?: string[];
  /** Where uploaded files are kept (a directory next to the database, outside the web root). */
  filesDir: string;
  /** The offline basemap package (`{z}/{x}/{y}.png`), used when the basemap setting says `local`. */
  tilesDir?: string;
  /** Fetches a tile from the configured tile service (tests replace it). */
  fetchTile?: TileFetcher;
  /**
   * Login requests allowed per client address and typed username per minute (default 120: a county
   * behind one NAT address signs many people in; lockout and the account throttle handle guessing).
   */
  loginRatePerMinute?: number;
  /** Draws the login CAPTCHA's text (tests give a known one; by default a random one). */
  captchaText?: () => string;
  /** Wakes the job worker; called after a request that queued a job run has committed. */
  nudgeJobs?: () => void;
  /** The scheduled jobs' interval the worker was given (`TUIJIN_REMIND_INTERVAL_MINUTES`), shown on 后台任务. */
  jobScheduleMinutes?: number;
}

/** Every route registered, with its declared access: the route-table test walks this. */
export interface RouteRecord {
  method: string;
  url: string;
  access: string | undefined;
}

/**
 * The one composition root: builds the Fastify app over an open database. The server, the CLI's
 * `serve` and the tests all call it.
 */
export type App = FastifyInstance & {
  routeTable: RouteRecord[];
  /** Set by the server's stop: readiness answers 503 while in-flight requests finish. */
  lifecycle: Lifecycle;
};

/**
 * What the request log records of a request: method, path WITHOUT its query string, host and client
 * address — never a body, header or query (a search may carry a 身份证号码; PIPL keeps it out of logs).
 */
export const requestLogSerializers = {
  req: (request: { method: string; url: string; host?: string; ip?: string }) => ({
    method: request.method,
    url: request.url.split('?')[0],
    host: request.host,
    remoteAddress: request.ip,
  }),
};

const withLogSerializers = (logger: AppConfig['logger']) =>
  logger ? { ...(typeof logger === 'object' ? logger : {}), serializers: requestLogSerializers } : false;

export async function buildApp(config: AppConfig): Promise<App> {
  const clock = config.clock ?? systemClock;
  const { db } = config.database;
  const app = Fastify({
    logger: withLogSerializers(config.logger),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const routeTable: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routeTable.push({ method, url: route.url, access });
    if (route.url.startsWith('/api') && access === undefined) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no access`);
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installJsonBodyParser(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'upgrade-insecure-requests': null,
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
      },
    },
    hsts: config.secureCookies ? undefined : false,
  });
  await app.register(cookie);
  // Counted in the database, so that several instances enforce one limit (issue 19).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db) });
  await app.register(multipart, {
    limits: {
      fileSize: maxFileBytes,
      files: maxFilesPerUpload + 1,
      fields: 10,
      parts: maxFilesPerUpload + 11,
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '推进 Tuijin API',
        version: '0.1.0',
        description: '重点项目推进平台接口。会话 Cookie 认证。',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // A request that queued a job run answers only after its transaction committed: wake the worker.
  const enqueuedAtStart = new WeakMap<FastifyRequest, number>();
  app.addHook('onRequest', async (request) => {
    enqueuedAtStart.set(request, enqueuedCount());
  });
  app.addHook('onResponse', async (request) => {
    if (enqueuedCount() !== enqueuedAtStart.get(request)) config.nudgeJobs?.();
  });
  // Refusals (401/403, an out-of-scope 404) and downloads are audited for every route (issue 20).
  installAccessAudit(app, { db, clock, auditKey: config.auditKey, anonymous: anonymousActor });
  installSessionHook(app, db, clock, config.allowedOrigins ?? []);
  app.addHook('preValidation', async (request) => {
    guardInput(request.body, request.query, request.params);
    refuseUnknownQuery(request.query, request.routeOptions.config.queryKeys);
  });
  installIdempotency(app, db, () => clock.now());

  const deps: RouteDeps = {
    makeCtx: (request): Ctx => ({
      db,
      actor: request.actor ?? anonymousActor,
      clock,
      ip: request.ip ?? null,
      auditKey: config.auditKey,
      analyticsDb: config.database.analyticsDb,
    }),
  };
  // The dashboards' reads (GET) run on the analytics pool; their writes (settings, uploads) do not.
  const analyticsDeps: RouteDeps = {
    makeCtx: (request) => {
      const ctx = deps.makeCtx(request);
      return request.method === 'GET' ? analyticsCtx(ctx) : ctx;
    },
  };
  const cookieOptions = { secure: config.secureCookies ?? false };
  const lifecycle: Lifecycle = { draining: false };
  // Uploaded files: in PostgreSQL (travel with replication and pg_dump), or the data directory on PGlite.
  const files = fileStoreFor(config.database, config.filesDir, () => clock.now());
  registerSystemRoutes(app, deps, config.database, lifecycle);
  registerAuthRoutes(app, deps, {
    ...cookieOptions,
    loginRatePerMinute: config.loginRatePerMinute ?? 120,
    captchaText: config.captchaText,
  });
  registerRegionRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerSecurityRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerProjectRoutes(app, deps);
  registerBatchRoutes(app, deps);
  registerApprovalRoutes(app, deps);
  registerApprovalDocumentRoutes(app, deps, files);
  registerMilestoneRoutes(app, deps);
  registerDispatchRoutes(app, deps);
  registerBulletinRoutes(app, deps, files);
  registerProjectFileRoutes(app, deps, files);
  registerLedgerRoutes(app, deps);
  registerMapRoutes(app, analyticsDeps);
  registerBasemapRoutes(app, deps, {
    tilesDir: config.tilesDir ?? null,
    fetchTile: config.fetchTile ?? fetchTile,
  });
  registerLedgerExportRoutes(app, deps);
  registerCalendarRoutes(app, deps, { afterChange: recomputeProvisionalDeadlines });
  registerReportRoutes(app, deps, files);
  registerPlanRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerCockpitRoutes(app, analyticsDeps);
  registerProblemRoutes(app, deps);
  registerWarningRoutes(app, deps);
  registerProblemLetterRoutes(app, deps);
  registerProjectLetterRoutes(app, deps);
  registerResumptionRoutes(app, deps);
  registerFundRoutes(app, deps);
  registerFactorRoutes(app, deps);
  registerReconciliationRoutes(app, deps);
  registerServicePlanRoutes(app, deps);
  registerInspectionRoutes(app, deps, files);
  registerSitePhotoRoutes(app, deps);
  registerWorkforceRoutes(app, deps);
  registerProjectPageRoutes(app, deps);
  registerCampaignRoutes(app, deps);
  registerBankMatchmakingRoutes(app, deps);
  registerPromotionRoutes(app, deps);
  registerProblemAttachmentRoutes(app, deps, files);
  registerEvaluationRoutes(app, deps);
  registerScreenRoutes(app, analyticsDeps);
  registerWorkbenchRoutes(app, deps);
  registerJobRoutes(app, deps, { jobs: jobRegistry, scheduleEveryMinutes: config.jobScheduleMinutes });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await registerWebApp(app, config.webDist);

  return Object.assign(app, { routeTable, lifecycle }) as unknown as App;
}
