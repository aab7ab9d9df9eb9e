import { addCalendarDays, chinaDate } from '@tuijin/domain';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import sharp from 'sharp';
import type { Ctx } from '../context';
import { monthlyReports, projects } from '../db/schema';
import type { FileStore } from '../lib/file-store';
import { recordFieldVisit } from '../modules/dispatch';
import { storeProjectFiles, vetFiles } from '../modules/project-files';

/** 北京 (天安门): where the 2019 photo was taken. */
const beijing = { lat: 39.9042, lng: 116.4074 };

const gps = (degrees: number) => {
  const d = Math.floor(degrees);
  const minutes = (degrees - d) * 60;
  const m = Math.floor(minutes);
  return `${d}/1 ${m}/1 ${Math.round((minutes - m) * 6000)}/100`;
};

/**
 * A small generated site picture (sky, a building's frame in `tone`, the ground) as a JPEG carrying an
 * EXIF capture time (China wall clock) and GPS place; without `shot` it carries neither.
 */
async function sitePicture(tone: [number, number, number], shot?: { on: string; lat: number; lng: number }) {
  const width = 240;
  const height = 180;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const isFrame = x > 70 && x < 170 && y > 40 && y < 140 && (x % 20 < 4 || y % 25 < 4);
      const colour: [number, number, number] = isFrame ? tone : y < 120 ? [170, 200, 225] : [150, 130, 100];
      pixels.set(colour, (y * width + x) * 3);
    }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 });
  if (!shot) return image.toBuffer();
  return image
    .withExif({
      IFD2: { DateTimeOriginal: `${shot.on.replaceAll('-', ':')} 10:20:00` },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: gps(shot.lat),
        GPSLongitudeRef: 'E',
        GPSLongitude: gps(shot.lng),
      },
    })
    .toBuffer();
}

/** The 10th (or `day`) of a report's month. */
const dayOf = (report: { year: number; month: number }, day: number) =>
  `${report.year}-${String(report.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * 形象进度 in the demo (issue 17 B9): site photos with EXIF time and place on two 蕉城 projects with
 * approved reports — on the first, its two latest approved reports' photos and a service group's
 * visit three days ago whose second photo is the issue's 2019 picture from Beijing (flagged too far
 * and too old); on the second, its latest report with a photo on site and one without metadata
 * (marked). Stored through project-files (vetted, thumbnails, audited) and dispatch's visit use case.
 * Needs the file store: loaded by `npm start` / `tuijin demo`, not in the test template.
 */
export async function loadDemoSitePhotos(ctx: Ctx, store: FileStore) {
  const approved = await ctx.db
    .select({
      reportId: monthlyReports.id,
      year: monthlyReports.year,
      month: monthlyReports.month,
      project: {
        id: projects.id,
        code: projects.code,
        regionPath: projects.regionPath,
        latitude: projects.latitude,
        longitude: projects.longitude,
      },
    })
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .where(
      and(
        eq(projects.regionCode, '350902'),
        eq(monthlyReports.status, 'approved'),
        isNotNull(projects.latitude),
        isNotNull(projects.longitude),
      ),
    )
    .orderBy(desc(monthlyReports.year), desc(monthlyReports.month), projects.code);
  const chosen = [...new Set(approved.map((r) => r.project.id))].slice(0, 2);
  if (chosen.length < 2) return;
  const reportsOf = (projectId: string) => approved.filter((r) => r.project.id === projectId);
  const [first, second] = chosen.map((id) => reportsOf(id));
  const store1 = async (
    rows: typeof approved,
    report: (typeof approved)[number] | undefined,
    files: { name: string; bytes: Buffer }[],
  ) => {
    const project = rows[0]!.project;
    const vetted = await vetFiles(
      files.map((f) => ({ originalName: f.name, bytes: f.bytes, truncated: false })),
      'reportPhoto',
    );
    return storeProjectFiles(ctx, store, project, vetted, report ? { monthlyReportId: report.reportId } : {});
  };

  const a = first![0]!.project;
  const at = (on: string) => ({ on, lat: a.latitude!, lng: a.longitude! });
  for (const [index, report] of first!.slice(0, 2).entries())
    await store1(first!, report, [
      { name: `主体施工${index + 1}.jpg`, bytes: await sitePicture([120, 120, 130], at(dayOf(report, 12))) },
      { name: `钢筋绑扎${index + 1}.jpg`, bytes: await sitePicture([150, 90, 60], at(dayOf(report, 20))) },
    ]);
  const today = chinaDate(ctx.clock.now());
  const visitedOn = addCalendarDays(today, -3);
  const visitPhotos = await store1(first!, undefined, [
    { name: '走访-施工现场.jpg', bytes: await sitePicture([110, 110, 110], at(visitedOn)) },
    { name: '走访-2019北京.jpg', bytes: await sitePicture([180, 60, 60], { on: '2019-10-12', ...beijing }) },
  ]);
  await recordFieldVisit(ctx, {
    regionCode: '350902',
    visitorKind: 'serviceGroup',
    visitorName: '蕉城区重点项目服务专班',
    visitedOn,
    projectIds: [a.id],
    summary: '现场查看主体施工进度，核对月报形象进度照片',
    solvedOnSpot: 0,
    fileIds: visitPhotos.map((f) => f.id),
  });

  const b = second![0]!.project;
  await store1(second!, second![0], [
    {
      name: '场平施工.jpg',
      bytes: await sitePicture([90, 120, 90], {
        on: dayOf(second![0]!, 15),
        lat: b.latitude!,
        lng: b.longitude!,
      }),
    },
    { name: '无拍摄信息.jpg', bytes: await sitePicture([100, 100, 150]) },
  ]);
}
