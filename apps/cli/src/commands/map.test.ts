import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

const square = (adcode: string, x: number) => ({
  type: 'Feature',
  properties: { adcode },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 26.5],
        [x + 0.4, 26.5],
        [x + 0.4, 26.9],
        [x, 26.9],
        [x, 26.5],
      ],
    ],
  },
});

const dir = demoDataDir('tuijin-cli-map');
beforeAll(async () => {
  writeFileSync(
    join(dir, 'ningde.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [square('350902', 119.2), square('350981', 119.7)],
    }),
  );
  writeFileSync(
    join(dir, 'outside.geojson'),
    JSON.stringify({ type: 'FeatureCollection', features: [square('350102', 119.2)] }),
  );
}, 300_000);

describe('tuijin map', () => {
  it('uploads a boundary map as an office and deletes it', async () => {
    const upload = await runCli('map', 'upload', join(dir, 'ningde.geojson'), '--as', 'ningde');
    expect(upload.err).toBe('');
    expect(upload.out).toContain('已保存 宁德市 的边界图：第 1 版，2 个区划（蕉城区、福安市）');
    const removed = await runCli('map', 'delete', '350900', '--as', 'ningde');
    expect(removed.code).toBe(0);
    expect(removed.out).toContain('已删除 350900 的边界图');
  });

  it('refuses a file naming a region outside the jurisdiction, with the feature and property', async () => {
    const refused = await runCli('map', 'upload', join(dir, 'outside.geojson'), '--as', 'ningde');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      'features[0].properties.adcode: 第 1 个要素的区划代码“350102”不是本辖区的区划',
    );
  });

  it('refuses an account without the permission', async () => {
    const refused = await runCli('map', 'upload', join(dir, 'ningde.geojson'), '--as', 'owner1');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('没有执行此操作的权限');
  });
});
