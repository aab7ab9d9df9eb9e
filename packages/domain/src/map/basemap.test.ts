import { describe, expect, it } from 'vitest';
import { type Basemap, basemapProblems, defaultBasemap, tileInRange, tileServiceUrl } from './basemap';

const tianditu: Basemap = {
  ...defaultBasemap,
  source: 'xyz',
  urlTemplate:
    'http://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}',
  subdomains: '01234567',
  token: 'abc 123',
};

describe('basemap', () => {
  it('is off by default', () => {
    expect(defaultBasemap.source).toBe('none');
    expect(basemapProblems(defaultBasemap)).toEqual([]);
  });

  it('fills a 天地图 WMTS template: subdomain by x + y, key escaped', () => {
    expect(basemapProblems(tianditu)).toEqual([]);
    expect(tileServiceUrl(tianditu, 7, 107, 53)).toBe(
      'http://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX=7&TILEROW=53&TILECOL=107&tk=abc%20123',
    );
    expect(tileServiceUrl(tianditu, 7, 108, 53)).toContain('http://t1.');
  });

  it.each([
    [{ urlTemplate: null }, 'urlTemplate', '请填写'],
    [{ urlTemplate: 'file:///etc/{z}/{x}/{y}' }, 'urlTemplate', 'http'],
    [{ urlTemplate: 'http://tiles.local/{z}/{x}.png' }, 'urlTemplate', '{y}'],
    [{ urlTemplate: 'http://tiles.local/{z}/{x}/{y}.png?{key}' }, 'urlTemplate', '{key}'],
    [{ subdomains: '' }, 'subdomains', '子域'],
    [{ token: null }, 'token', '密钥'],
    [{ minZoom: 10, maxZoom: 5 }, 'maxZoom', '缩放'],
  ])('refuses %o naming %s', (patch, path, message) => {
    const problems = basemapProblems({ ...tianditu, ...patch });
    expect(problems.find((p) => p.path === path)?.message).toContain(message);
  });

  it.each([
    [0, 0, 0, false],
    [3, 0, 0, true],
    [3, 7, 7, true],
    [3, 8, 0, false],
    [3, -1, 0, false],
    [19, 0, 0, false],
    [4.5, 0, 0, false],
  ])('z %d x %d y %d in range: %s', (z, x, y, expected) => {
    expect(tileInRange(defaultBasemap, z, x, y)).toBe(expected);
  });
});
