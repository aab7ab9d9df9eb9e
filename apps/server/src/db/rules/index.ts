/**
 * The one home of every rule that runs in SQL for speed; each is the twin of a `packages/domain`
 * function and is tested against it on the domain's case table, on PGlite and PostgreSQL.
 */
export * from './cumulative-plan';
export * from './implied-stage';
export * from './indicators';
export * from './overdue-problem';
export * from './year-to-date';
