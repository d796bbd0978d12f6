import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { createAuthenticator } from '../auth/authenticate.ts';
import { csrfProtection } from '../security/csrf.ts';
import { securityHeaders, trustProxyOption } from '../security/headers.ts';
import { loggerOptions, type LoggerSetting } from '../security/logging.ts';
import type { ServerContext } from '../server-context.ts';
import { errorHandler } from './errors.ts';
import { registerRoutes, type AnyRoute } from './route.ts';
import { assessmentRoutes } from './routes/assessments.ts';
import { auditLogRoutes } from './routes/audit-log.ts';
import { jobRoutes } from './routes/jobs.ts';
import { reportRoutes } from './routes/reports.ts';
import { runJobWorker } from '../jobs/server-jobs.ts';
import { authRoutes } from './routes/auth.ts';
import { commentRoutes } from './routes/comments.ts';
import { engagementRoutes } from './routes/engagements.ts';
import { scopingPreviewRoutes } from './routes/scoping-preview.ts';
import { entityRoutes } from './routes/entities.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { engagementRegisterRoutes } from './routes/registers.ts';
import { assetRoutes } from './routes/assets.ts';
import { findingRoutes } from './routes/findings.ts';
import { importRoutes } from './routes/imports.ts';
import { systemRoutes } from './routes/system.ts';
import { twoFactorRoutes } from './routes/two-factor.ts';
import { riskRoutes } from './routes/risks.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { actionRoutes } from './routes/actions.ts';
import { calculationRoutes } from './routes/calculations.ts';

export type AppContext = Omit<ServerContext, 'authenticate'>;

/** Every route of the API, in the order the OpenAPI document lists them. */
export function allRoutes(): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(
    ...systemRoutes(() => routes),
    ...authRoutes(),
    ...twoFactorRoutes(),
    ...organisationRoutes(),
    ...invitationRoutes(),
    ...entityRoutes(),
    ...engagementRoutes(),
    ...scopingPreviewRoutes(),
    ...assessmentRoutes(),
    ...evidenceRoutes(),
    ...engagementRegisterRoutes(),
    ...findingRoutes(),
    ...importRoutes(),
    ...assetRoutes(),
    ...riskRoutes(),
    ...incidentRoutes(),
    ...actionRoutes(),
    ...calculationRoutes(),
    ...commentRoutes(),
    ...auditLogRoutes(),
    ...reportRoutes(),
    ...jobRoutes(),
  );
  return routes;
}

/** Builds the Fastify app over an open database, a loaded catalogue and an evidence store. Nothing is listening yet. */
export async function buildApp(
  base: AppContext,
  options: { readonly logger?: LoggerSetting | undefined } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    trustProxy: trustProxyOption(),
    bodyLimit: 5 * 1024 * 1024,
  });
  // Bearer token or session cookie → the actor, memberships included (auth/authenticate.ts).
  const context: ServerContext = { ...base, authenticate: createAuthenticator(base.db, base.auth) };
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: base.uploadLimit, files: 1, fields: 10 } });
  app.setErrorHandler(errorHandler);
  securityHeaders(app);
  csrfProtection(app);
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'route.not_found', message: `no route ${request.method} ${request.url}` } }),
  );
  registerRoutes(app, context, allRoutes());
  runJobWorker(app, base); // report rendering and other long work, claimed from the jobs table
  await app.register((await import('./web-static.ts')).webStatic); // the web app at /, when built
  return app;
}
