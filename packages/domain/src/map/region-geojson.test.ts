import { describe, expect, it } from 'vitest';
import { checkRegionGeoJson, geoJsonIssueText } from './region-geojson';

const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 0.5, y],
    [x + 0.5, y + 0.5],
    [x, y + 0.5],
    [x, y],
  ],
];
const known = (code: string) => ['350902', '350921', '350900-DQ'].includes(code);
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const feature = (properties: unknown, geometry: unknown) => ({ type: 'Feature', properties, geometry });

describe('checkRegionGeoJson', () => {
  it('accepts polygons and multipolygons keyed by adcode or code, keeping only geometry and code', () => {
    const result = checkRegionGeoJson(
      collection(
        feature(
          { adcode: 350902, name: '蕉城区', extra: 1 },
          { type: 'Polygon', coordinates: square(119, 26) },
        ),
        feature(
          { code: '350900-DQ' },
          { type: 'MultiPolygon', coordinates: [square(119.6, 26), square(120, 26)] },
        ),
      ),
      known,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pointCount).toBe(15);
    expect(result.value.features.map((f) => f.properties)).toEqual([
      { code: '350902' },
      { code: '350900-DQ' },
    ]);
  });

  it.each([
    ['a non-collection', { type: 'Feature' }, 'type', 'notFeatureCollection'],
    ['an empty collection', collection(), 'features', 'noFeatures'],
    [
      'a point geometry',
      collection(feature({ adcode: '350902' }, { type: 'Point', coordinates: [119, 26] })),
      'features[0].geometry.type',
      'geometryType',
    ],
    [
      'a feature without a code',
      collection(feature({ name: '蕉城区' }, { type: 'Polygon', coordinates: square(119, 26) })),
      'features[0].properties.adcode',
      'missingCode',
    ],
    [
      'a code that is not GB/T 2260',
      collection(feature({ adcode: '3509' }, { type: 'Polygon', coordinates: square(119, 26) })),
      'features[0].properties.adcode',
      'badCode',
    ],
    [
      'a region outside the jurisdiction',
      collection(feature({ code: '350102' }, { type: 'Polygon', coordinates: square(119, 26) })),
      'features[0].properties.code',
      'unknownCode',
    ],
    [
      'a coordinate outside China',
      collection(feature({ adcode: '350902' }, { type: 'Polygon', coordinates: square(12, 26) })),
      'features[0].geometry.coordinates[0][0]',
      'coordinateRange',
    ],
    [
      'an open ring',
      collection(
        feature(
          { adcode: '350902' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [119, 26],
                [119.5, 26],
                [119.5, 26.5],
                [119, 26.5],
              ],
            ],
          },
        ),
      ),
      'features[0].geometry.coordinates[0]',
      'ringNotClosed',
    ],
    [
      'a ring of three points',
      collection(
        feature(
          { adcode: '350902' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [119, 26],
                [119.5, 26],
                [119, 26],
              ],
            ],
          },
        ),
      ),
      'features[0].geometry.coordinates[0]',
      'ringTooShort',
    ],
    [
      'a text coordinate',
      collection(feature({ adcode: '350902' }, { type: 'Polygon', coordinates: [[['119', 26]]] })),
      'features[0].geometry.coordinates[0]',
      'ringTooShort',
    ],
  ])('refuses %s, naming the place', (_, input, path, issue) => {
    const result = checkRegionGeoJson(input, known);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ path, issue });
    expect(geoJsonIssueText(result.issues[0]!)).not.toBe('');
  });

  it('refuses the second feature with the same code, naming both', () => {
    const result = checkRegionGeoJson(
      collection(
        feature({ adcode: '350902' }, { type: 'Polygon', coordinates: square(119, 26) }),
        feature({ adcode: '350902' }, { type: 'Polygon', coordinates: square(120, 26) }),
      ),
      known,
    );
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: 'features[1].properties.adcode',
        issue: 'duplicateCode',
        params: { index: 1, code: '350902', first: 0 },
      },
    ]);
    if (!result.ok)
      expect(geoJsonIssueText(result.issues[0]!)).toBe('第 2 个要素的区划代码“350902”与第 1 个要素重复');
  });

  it('reports every bad feature, not only the first', () => {
    const result = checkRegionGeoJson(
      collection(
        feature({}, { type: 'Polygon', coordinates: square(119, 26) }),
        feature({ adcode: '350921' }, { type: 'Polygon', coordinates: square(119, 26) }),
        feature({ adcode: '999999' }, { type: 'Polygon', coordinates: square(119, 26) }),
      ),
      known,
    );
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'features[0].properties.adcode',
      'features[2].properties.adcode',
    ]);
  });
});
