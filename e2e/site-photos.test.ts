import type { FieldVisit, PhotoTimeline, Project, ProjectMilestones } from '@tuijin/contracts';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

/** A China wall-clock time as EXIF writes it (`2026:12:07 09:00:00`), `daysAgo` days and an hour before now. */
function exifTime(daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * 86_400_000 - 3_600_000);
  const china = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(at);
  return china.replaceAll('-', ':');
}

const gps = (degrees: number) => {
  const d = Math.floor(degrees);
  const minutes = (degrees - d) * 60;
  const m = Math.floor(minutes);
  return `${d}/1 ${m}/1 ${Math.round((minutes - m) * 6000)}/100`;
};

/** A small JPEG with an EXIF capture time and GPS place. */
const photo = (takenAt: string, lat: number, lng: number, colour: string) =>
  sharp({ create: { width: 96, height: 72, channels: 3, background: colour } })
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: takenAt },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: gps(lat), GPSLongitudeRef: 'E', GPSLongitude: gps(lng) },
    })
    .toBuffer();

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

let project: Project;
let visit: FieldVisit;

describe('形象进度 and the visit drawer’s photo warnings', () => {
  it('records a visit with a photo on site, one 500 km away and one two years old (API)', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const request = office.context().request;
    const listed = await (
      await request.get(
        `${baseUrl}/api/projects?region=350902&stage=underway&pageSize=1&sort=name&order=desc`,
      )
    ).json();
    project = (await (await request.get(`${baseUrl}/api/projects/${listed.data[0].id}`)).json()) as Project;
    expect(project.latitude).not.toBeNull();
    const lat = project.latitude!;
    const lng = project.longitude!;
    const files = [
      { name: '现场.jpg', buffer: await photo(exifTime(0), lat, lng, '#6a8f5a') },
      { name: '外地.jpg', buffer: await photo(exifTime(0), lat + 4.4966, lng, '#8a6a5a') },
      { name: '旧照.jpg', buffer: await photo(exifTime(730), lat, lng, '#5a6a8f') },
    ];
    const ids: string[] = [];
    for (const file of files) {
      const uploaded = await request.post(`${baseUrl}/api/projects/${project.id}/files`, {
        multipart: { files: { name: file.name, mimeType: 'image/jpeg', buffer: file.buffer } },
        headers: { origin: baseUrl },
      });
      expect(uploaded.status()).toBe(200);
      ids.push(((await uploaded.json()) as { data: { id: string }[] }).data[0]!.id);
    }
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const recorded = await request.post(`${baseUrl}/api/field-visits`, {
      data: {
        regionCode: '350902',
        visitorKind: 'serviceGroup',
        visitorName: '形象进度核查专班',
        visitedOn: today,
        projectIds: [project.id],
        fileIds: ids,
      },
      headers: { origin: baseUrl },
    });
    expect(recorded.status()).toBe(200);
    visit = (await recorded.json()) as FieldVisit;
    expect(Object.fromEntries(visit.photos.map((p) => [p.name, p.evidence.map((f) => f.kind)]))).toEqual({
      '现场.jpg': [],
      '外地.jpg': ['tooFar'],
      '旧照.jpg': ['tooOld'],
    });
  });

  it.each(['desktop', 'phone'] as const)(
    'shows the warnings per photo in the visit drawer (%s)',
    async (device) => {
      const office = await signIn('jiaocheng', device, `/visits?visit=${visit.id}`);
      const row = office.getByTestId('visits').locator(`tr.ant-table-row[data-row-key="${visit.id}"]`);
      await row.getByTestId('visit-photos-flag').waitFor({ timeout: 15_000 });
      expect(await row.getByTestId('visit-photos-flag').textContent()).toContain('2');
      await row.getByTestId('visit-photos-open').click();
      const drawer = office.getByTestId('visit-photos-drawer');
      await drawer.getByTestId('visit-photos-flagged').waitFor();
      const cards = drawer.getByTestId('evidence-photo');
      await expect.poll(() => cards.count()).toBe(3);
      const card = (name: string) => cards.filter({ hasText: name });
      expect(await card('外地.jpg').getByTestId('photo-finding-tooFar').textContent()).toBe(
        '距项目 500 公里',
      );
      expect(await card('旧照.jpg').getByTestId('photo-finding-tooOld').textContent()).toMatch(
        /^拍摄于 \d{4}-\d{2}-\d{2}，早于 /,
      );
      expect(await card('现场.jpg').getByTestId('photo-evidence').count()).toBe(0);
      expect(await card('现场.jpg').getByTestId('evidence-photo-place').textContent()).toContain(
        '距项目 0 公里',
      );
      // Every thumbnail loaded (the screenshot shows them).
      await expect
        .poll(() =>
          drawer
            .locator('img')
            .evaluateAll(
              (imgs) => imgs.every((img) => (img as HTMLImageElement).naturalWidth > 0) && imgs.length === 3,
            ),
        )
        .toBe(true);
      if (device === 'phone') expect(await noSideScroll(office)).toBe(true);
      await screenshot(office, `visit-photos-${device}`);
    },
  );

  it.each(['desktop', 'phone'] as const)(
    'lays out the project’s 形象进度 month by month with a filter and a lightbox (%s)',
    async (device) => {
      const office = await signIn('jiaocheng', device, `/projects/${project.id}?tab=photos`);
      const timeline = office.getByTestId('photo-timeline');
      await timeline.waitFor({ timeout: 15_000 });
      const api = (await (
        await office.context().request.get(`${baseUrl}/api/projects/${project.id}/photo-timeline`)
      ).json()) as PhotoTimeline;
      const thisMonth = visit.visitedOn.slice(0, 7);
      const month = timeline.locator(`[data-month="${thisMonth}"]`);
      await month.waitFor();
      const visitCards = month.getByTestId('evidence-photo').filter({ hasText: '形象进度核查专班' });
      await expect.poll(() => visitCards.count()).toBe(2);
      expect(await month.getByTestId('photo-source').first().textContent()).toBeTruthy();
      // Two years back, the old photo sits in its own month (by its capture date).
      const oldMonth = api.months.find((m) => m.photos.some((p) => p.name === '旧照.jpg'))!.month;
      expect(oldMonth < thisMonth).toBe(true);
      await timeline.locator(`[data-month="${oldMonth}"]`).getByTestId('photo-finding-tooOld').waitFor();
      // Months newest first.
      const shown = await timeline
        .getByTestId('photo-timeline-month')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-month') ?? ''));
      expect(shown).toEqual([...shown].sort().reverse());

      // Only flagged: the on-site photo goes, the far one stays.
      await office.getByTestId('photo-timeline-flagged').click();
      await expect
        .poll(() =>
          month
            .getByTestId('evidence-photo')
            .filter({ hasText: '现场.jpg' })
            .filter({ hasNotText: '外地' })
            .count(),
        )
        .toBe(0);
      await month.getByTestId('evidence-photo').filter({ hasText: '外地.jpg' }).waitFor();
      expect(
        await timeline
          .getByTestId('evidence-photo')
          .evaluateAll((els) => els.every((el) => el.getAttribute('data-flagged') === 'true')),
      ).toBe(true);
      if (device === 'phone') expect(await noSideScroll(office)).toBe(true);
      await screenshot(office, `photo-timeline-flagged-${device}`);
      await office.getByTestId('photo-timeline-flagged').click();

      // The lightbox shows the full photo.
      await month
        .getByTestId('evidence-photo')
        .filter({ hasText: '外地.jpg' })
        .locator('img')
        .first()
        .click();
      await office.locator('.ant-image-preview-img').first().waitFor({ timeout: 10_000 });
      await screenshot(office, `photo-timeline-lightbox-${device}`);
      await office.keyboard.press('Escape');
      await office.evaluate(() => window.scrollTo(0, 0));
      if (device === 'phone') expect(await noSideScroll(office)).toBe(true);
      await screenshot(office, `photo-timeline-${device}`);
    },
  );

  it('shows the demo’s 形象进度: report photos month by month and the 2019 Beijing photo flagged', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const visits = await (
      await office
        .context()
        .request.get(`${baseUrl}/api/field-visits?visitor=${encodeURIComponent('蕉城区重点项目服务专班')}`)
    ).json();
    const demoVisit = (visits.data as FieldVisit[])[0]!;
    const projectId = demoVisit.projects[0]!.id;
    await office.goto(`${baseUrl}/projects/${projectId}?tab=photos`);
    const timeline = office.getByTestId('photo-timeline');
    await timeline.getByTestId('photo-source').first().waitFor({ timeout: 15_000 });
    await expect
      .poll(() => timeline.getByTestId('photo-source').filter({ hasText: '月报' }).count())
      .toBeGreaterThan(1);
    const beijing = timeline.locator('[data-month="2019-10"]').getByTestId('evidence-photo');
    await beijing.getByTestId('photo-finding-tooFar').waitFor();
    await beijing.getByTestId('photo-finding-tooOld').waitFor();
    await screenshot(office, 'photo-timeline-demo');
  });

  it('warns when a node is recorded reached with an evidence photo taken 500 km away, and keeps the tag in the node table', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const request = office.context().request;
    const portfolio = (await (
      await request.get(`${baseUrl}/api/milestone-portfolio?pageSize=50`)
    ).json()) as {
      data: { projectId: string; nodes: { actualOn: string | null }[] }[];
    };
    const planned = portfolio.data.filter((p) => p.nodes.some((n) => n.actualOn === null)).at(-1);
    if (!planned) throw new Error('jiaocheng has no plan with a node not reached');
    const plan = (await (
      await request.get(`${baseUrl}/api/projects/${planned.projectId}/milestones`)
    ).json()) as ProjectMilestones;
    const node = plan.nodes.find((n) => n.actualOn === null)!;
    const where = (await (
      await request.get(`${baseUrl}/api/projects/${planned.projectId}`)
    ).json()) as Project;
    await office.goto(`${baseUrl}/projects/${planned.projectId}?tab=milestones`);
    const row = office.getByTestId('milestone-nodes').locator('tr').filter({ hasText: node.name }).first();
    await row.getByTestId('milestone-actual').click();
    const dialog = office.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '节点佐证-外地.jpg',
      mimeType: 'image/jpeg',
      buffer: await photo(exifTime(0), where.latitude! + 4.4966, where.longitude!, '#7a5a8a'),
    });
    await dialog.getByTestId('milestone-actual-file-name').waitFor({ timeout: 15_000 });
    await dialog.getByTestId('milestone-actual-ok').click();
    const flagged = office.getByTestId('milestone-actual-flagged');
    await flagged.waitFor({ timeout: 15_000 });
    expect(await flagged.getByTestId('photo-finding-tooFar').textContent()).toBe('距项目 500 公里');
    await screenshot(office, 'milestone-evidence-flagged');
    await office.getByRole('button', { name: /知\s*道|OK|确\s*定/ }).click();
    const evidence = row.getByTestId('milestone-evidence');
    await evidence.getByTestId('photo-finding-tooFar').waitFor({ timeout: 15_000 });
    await screenshot(office, 'milestone-evidence-table');
  });

  it('keeps another county out: 福安 gets NOT_FOUND for the 蕉城 project’s timeline', async () => {
    const fuan = await signIn('fuan', 'desktop', null);
    const response = await fuan.context().request.get(`${baseUrl}/api/projects/${project.id}/photo-timeline`);
    expect(response.status()).toBe(404);
  });
});
