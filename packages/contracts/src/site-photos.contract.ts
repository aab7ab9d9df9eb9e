import { photoFindingKinds, sitePhotoSources } from '@tuijin/domain';
import { z } from 'zod';
import { Id } from './common';
import { endpoint, IdParams } from './endpoint';

export const PhotoFindingKind = z.enum(photoFindingKinds);
export type PhotoFindingKind = z.infer<typeof PhotoFindingKind>;

/**
 * A warning on a site photo, from its own EXIF time and place against the project's coordinates and
 * the window of dates its source states (domain `photoWindowFindings`). Never blocks anything.
 */
export const PhotoFinding = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tooFar'),
    distanceKm: z.number().describe('拍摄地距项目坐标（公里，一位小数）'),
    maxDistanceKm: z.number().describe('本辖区的距离阈值（公里）'),
  }),
  z.object({
    kind: z.literal('tooOld'),
    takenOn: z.string().describe('拍摄日期（北京时间）'),
    earliestOn: z
      .string()
      .describe('最早可接受的日期（月报：报送月份上一个月的 1 日；走访、节点：见其时间窗）'),
  }),
  z.object({
    kind: z.literal('inFuture'),
    takenOn: z.string(),
    latestOn: z
      .string()
      .describe('最晚可接受的日期（月报：本月最后一天；走访、节点：见其时间窗；均不晚于今天）'),
  }),
  z.object({ kind: z.literal('noLocation') }),
  z.object({ kind: z.literal('noTime') }),
]);
export type PhotoFinding = z.infer<typeof PhotoFinding>;

/** The dates (China, both included) a photo should have been taken in. */
export const PhotoWindow = z.object({ earliestOn: z.string(), latestOn: z.string() });

/** A site photo of a visit or a node as its record shows it: its own time and place and the findings. */
export const EvidencePhoto = z.object({
  id: Id,
  /** The project the file is stored under (its thumbnail and download address). */
  projectId: Id,
  name: z.string(),
  kind: z.enum(['photo', 'document']),
  hasThumbnail: z.boolean(),
  takenAt: z.string().nullable().describe('拍摄时间（照片元数据）'),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Distance (km, one decimal) from the project it was judged against; null without a place on either side. */
  distanceKm: z.number().nullable(),
  window: PhotoWindow,
  evidence: z.array(PhotoFinding).describe('照片核验提示（读取时计算，仅提示）'),
});
export type EvidencePhoto = z.infer<typeof EvidencePhoto>;

export const SitePhotoSource = z.enum(sitePhotoSources);
export type SitePhotoSource = z.infer<typeof SitePhotoSource>;

/** One photo on the 形象进度 timeline. */
export const TimelinePhoto = EvidencePhoto.extend({
  source: SitePhotoSource,
  sourceId: z.string(),
  /** 「2026年10月月报」「2026-11-05 一线走访（张三）」「节点：主体封顶」. */
  sourceLabel: z.string(),
  /** The day its source documents (a report's month end, a visit's day, the day a node was reached). */
  documentsOn: z.string(),
  /** How the photo found its month: its own capture date, or (no capture time: marked) the documented day. */
  datedBy: z.enum(['takenAt', 'documentsOn']),
  /** The date it is placed at (China). */
  on: z.string(),
});
export type TimelinePhoto = z.infer<typeof TimelinePhoto>;

export const PhotoTimelineQuery = z
  .object({
    year: z.coerce
      .number()
      .int()
      .min(2000, { message: '年份无效' })
      .max(2100, { message: '年份无效' })
      .optional()
      .describe('只看某一年（按照片归入的月份）；缺省为全部'),
  })
  .strict();

/** 形象进度: a project's site photos from every source, month by month, newest first. */
export const PhotoTimeline = z.object({
  projectId: Id,
  projectName: z.string(),
  /** The project's coordinates; null when not set (distances are then not checked). */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  maxDistanceKm: z.number(),
  year: z.number().int().nullable(),
  /** The years that have photos (newest first), for the year picker. */
  years: z.array(z.number().int()),
  total: z.number().int(),
  flagged: z.number().int(),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      count: z.number().int(),
      flagged: z.number().int(),
      photos: z.array(TimelinePhoto),
    }),
  ),
});
export type PhotoTimeline = z.infer<typeof PhotoTimeline>;

export const sitePhotosEndpoints = {
  getPhotoTimeline: endpoint({
    method: 'GET',
    path: '/api/projects/:id/photo-timeline',
    summary: '形象进度：项目各来源（月报、走访、节点…）的现场照片按月排列，附核验提示',
    tag: 'site-photos',
    params: IdParams,
    query: PhotoTimelineQuery,
    response: PhotoTimeline,
  }),
} as const;
