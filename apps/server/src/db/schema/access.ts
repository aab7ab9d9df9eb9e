import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { organisations } from './organisations';

/** 用户: people who log in; roles as an array of the role vocabulary. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    /** PHC string: the algorithm and its parameters travel with the hash so they can change. */
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    isActive: boolean('is_active').notNull().default(true),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    index('users_organisation_idx').on(t.organisationId),
  ],
);

/** 会话: server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /**
     * Half logged in: the password was right and the second factor is still owed — `totp` (a code)
     * or `enrol` (the policy requires one the user has not set up). Such a session is no actor.
     */
    pendingStep: text('pending_step', { enum: ['totp', 'enrol'] }),
    /** Wrong codes given on this half-logged-in session (it ends at the limit). */
    failedCodes: integer('failed_codes').notNull().default(0),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** 动态口令 (TOTP, RFC 6238): a user's authenticator secret, encrypted at rest; unconfirmed while enrolling. */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  /** The base32 secret, AES-256-GCM under a key derived from the audit key (`lib/field-crypto`). */
  secretCipher: text('secret_cipher').notNull(),
  /** Set when the user proved the app works with a code; until then the secret is not in force. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The time step of the last code accepted: a code of that step or earlier is never taken again. */
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** 恢复码: one-time codes for a lost authenticator, stored as SHA-256 of the code; used once. */
export const userRecoveryCodes = pgTable(
  'user_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('user_recovery_codes_user_idx').on(t.userId)],
);

/** 登录尝试: every login attempt, keyed by the typed username and client address, for lockout. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_lookup_idx').on(t.username, t.ip, t.at),
    index('login_attempts_account_idx').on(t.username, t.at),
  ],
);

/** 密码历史: the hashes of a user's recent passwords, so a change cannot reuse one (issue 20). */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.setAt)],
);

/**
 * 图形验证码: one issued login CAPTCHA; only the answer's HMAC is kept, it expires and is used at
 * most once (`used_at`).
 */
export const loginCaptchas = pgTable(
  'login_captchas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerHash: text('answer_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('login_captchas_expires_idx').on(t.expiresAt)],
);
