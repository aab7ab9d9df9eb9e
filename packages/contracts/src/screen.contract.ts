import { publicBulletinSectionKeys } from '@tuijin/domain';
import { z } from 'zod';
import { CockpitFigures } from './cockpit.contract';
import { Id, Timestamp } from './common';
import { endpoint } from './endpoint';
import { MapRegions } from './map.contract';
import { WarningCounts } from './warnings.contract';

/** The panels of the big screen an office may publish on the public screen. */
export const ScreenPanel = z
  .enum(['figures', 'ranking', 'redCounts', 'map'])
  .describe('figures 核心指标；ranking 考评排名；redCounts 各区划红灯项目数；map 地图着色');
export type ScreenPanel = z.infer<typeof ScreenPanel>;
export const screenPanels = ScreenPanel.options;

export const ScreenRegion = z.object({ code: z.string(), name: z.string() });

/** 核心指标: the cockpit's total for the jurisdiction, this year up to this month. */
export const ScreenFigures = z.object({
  year: z.number().int(),
  month: z.number().int(),
  figures: CockpitFigures,
});
export type ScreenFigures = z.infer<typeof ScreenFigures>;

/** 考评排名: the latest (or the chosen) published quarter of the jurisdiction's region scheme. */
export const ScreenRanking = z.object({
  quarter: z.string(),
  schemeName: z.string(),
  entries: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      rank: z.number().int(),
      total: z.string(),
      list: z.enum(['red', 'black']).nullable(),
    }),
  ),
});
export type ScreenRanking = z.infer<typeof ScreenRanking>;

/** 红灯项目数 by the regions directly under the jurisdiction (counts only, never projects). */
export const ScreenRedCounts = z.object({
  month: z.string(),
  counts: WarningCounts,
  regions: z.array(z.object({ code: z.string(), name: z.string(), red: z.number().int() })),
});
export type ScreenRedCounts = z.infer<typeof ScreenRedCounts>;

const PublicRankLine = z.object({ rank: z.number().int(), name: z.string() });

/**
 * 通报晾晒: the latest issued bulletin of the region its office published, with only the chosen
 * aggregate sections (an unchosen one is absent); never a project's name.
 */
export const ScreenBulletin = z.object({
  title: z.string(),
  serial: z.string().nullable().describe('文号'),
  issuedOn: z.string().nullable(),
  sections: z.array(z.enum(publicBulletinSectionKeys)),
  headline: z
    .array(
      z.object({
        label: z.string(),
        value: z.string().nullable(),
        unit: z.string().nullable(),
        yearOnYear: z.string().nullable(),
      }),
    )
    .optional(),
  regions: z
    .array(
      z.object({
        name: z.string(),
        completionRate: z.string().nullable(),
        progressGap: z.string().nullable(),
        rank: z.number().int().nullable(),
      }),
    )
    .optional(),
  redBlack: z
    .object({ quarter: z.string(), red: z.array(PublicRankLine), black: z.array(PublicRankLine) })
    .nullable()
    .optional(),
});
export type ScreenBulletin = z.infer<typeof ScreenBulletin>;

/** Everything the command-room screen shows (authenticated, the caller's jurisdiction). */
export const Screen = z.object({
  region: ScreenRegion,
  generatedAt: Timestamp,
  figures: ScreenFigures.nullable(),
  ranking: ScreenRanking.nullable(),
  redCounts: ScreenRedCounts.nullable(),
  redProjects: z.array(
    z.object({
      projectId: Id,
      projectName: z.string(),
      regionName: z.string(),
      reasonCount: z.number().int(),
    }),
  ),
  overdueProblems: z.object({
    total: z.number().int(),
    data: z.array(
      z.object({
        id: Id,
        referenceNumber: z.string(),
        projectName: z.string(),
        category: z.string(),
        dueOn: z.string(),
        overdueDays: z.number().int().nullable(),
        levelName: z.string().nullable(),
      }),
    ),
  }),
  map: MapRegions.nullable(),
  bulletin: ScreenBulletin.nullable(),
  canPublish: z.boolean().describe('本人能否修改公开大屏的发布设置'),
});
export type Screen = z.infer<typeof Screen>;

/** 公开大屏: only the published panels, aggregate figures only; an unpublished panel is absent. */
export const PublicScreen = z.object({
  region: ScreenRegion,
  generatedAt: Timestamp,
  panels: z.array(ScreenPanel),
  figures: ScreenFigures.optional(),
  ranking: ScreenRanking.nullable().optional(),
  redCounts: ScreenRedCounts.optional(),
  map: MapRegions.optional(),
  bulletin: ScreenBulletin.nullable(),
});
export type PublicScreen = z.infer<typeof PublicScreen>;

export const PublicScreenParams = z.object({
  regionCode: z
    .string()
    .max(20)
    .regex(/^[0-9A-Za-z-]+$/, { message: '区划代码格式不正确' }),
});

/** 发布设置: which panels the jurisdiction's public screen shows, and optionally which quarter. */
export const ScreenPublication = z.object({
  regionCode: z.string(),
  panels: z.array(ScreenPanel),
  quarter: z.string().nullable().describe('公开的考评季度，如 2026Q2；为空时用最近发布的季度'),
  version: z.number().int().describe('0 表示尚未保存'),
  updatedAt: Timestamp.nullable(),
});
export type ScreenPublication = z.infer<typeof ScreenPublication>;

export const UpdateScreenPublication = z
  .object({
    panels: z.array(ScreenPanel).max(4).describe('公开的面板'),
    quarter: z
      .string()
      .regex(/^\d{4}Q[1-4]$/, { message: '季度格式应为 2026Q3' })
      .nullable()
      .describe('公开的考评季度；为空时用最近发布的季度'),
    version: z.number().int().min(0),
  })
  .strict();
export type UpdateScreenPublication = z.infer<typeof UpdateScreenPublication>;

/** The screen module's endpoints (the server registers them, the client calls them). */
export const screenEndpoints = {
  getScreen: endpoint({
    method: 'GET',
    path: '/api/screen',
    summary: '大屏：本辖区核心指标、考评排名、红灯项目、逾期问题与地图着色',
    tag: 'screen',
    response: Screen,
  }),
  getScreenPublication: endpoint({
    method: 'GET',
    path: '/api/screen/publication',
    summary: '公开大屏的发布设置（本辖区）',
    tag: 'screen',
    response: ScreenPublication,
  }),
  updateScreenPublication: endpoint({
    method: 'PUT',
    path: '/api/screen/publication',
    summary: '修改公开大屏的发布设置（本辖区）',
    tag: 'screen',
    body: UpdateScreenPublication,
    response: ScreenPublication,
  }),
  getPublicScreen: endpoint({
    method: 'GET',
    path: '/api/public/screen/:regionCode',
    summary: '公开大屏：只含已发布面板的汇总数字（无需登录）',
    tag: 'screen',
    params: PublicScreenParams,
    response: PublicScreen,
  }),
} as const;
