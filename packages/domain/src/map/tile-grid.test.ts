import { describe, expect, it } from 'vitest';
import { extentOf, layoutTileGrid, placeInTile } from './tile-grid';

describe('layoutTileGrid', () => {
  it('answers an empty grid for no regions', () => {
    expect(layoutTileGrid([])).toEqual({ columns: 0, rows: 0, tiles: [] });
  });

  it.each([
    [1, 1, 1],
    [2, 2, 1],
    [4, 2, 2],
    [5, 3, 2],
    [10, 4, 3],
  ])('lays %i regions out in %i columns and %i rows', (n, columns, rows) => {
    const regions = Array.from({ length: n }, (_, i) => ({
      code: String(350901 + i),
      sortOrder: i,
      centre: null,
    }));
    const grid = layoutTileGrid(regions);
    expect([grid.columns, grid.rows]).toEqual([columns, rows]);
    expect(new Set(grid.tiles.map((t) => `${t.column},${t.row}`)).size).toBe(n);
  });

  it('puts northern regions on top and western ones to the left, regions without projects last', () => {
    const grid = layoutTileGrid([
      { code: 'SW', sortOrder: 1, centre: [119.0, 26.0] },
      { code: 'NE', sortOrder: 2, centre: [120.0, 27.5] },
      { code: 'NW', sortOrder: 3, centre: [119.1, 27.4] },
      { code: 'none', sortOrder: 0, centre: null },
      { code: 'SE', sortOrder: 4, centre: [120.2, 26.1] },
    ]);
    const at = Object.fromEntries(grid.tiles.map((t) => [t.code, [t.column, t.row]]));
    expect(at).toEqual({ NW: [0, 0], NE: [1, 0], SE: [2, 0], SW: [0, 1], none: [1, 1] });
  });
});

describe('placeInTile', () => {
  const extent = extentOf([
    [119, 26],
    [120, 27],
  ])!;

  it('maps the extent into the inner part of the tile, north up', () => {
    const [x1, y1] = placeInTile([119, 27], extent, { column: 2, row: 1 }, 0.1);
    const [x2, y2] = placeInTile([120, 26], extent, { column: 2, row: 1 }, 0.1);
    expect([x1, y1, x2, y2].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([2.1, 1.1, 2.9, 1.9]);
  });

  it('centres a region whose projects share one spot', () => {
    expect(placeInTile([119.5, 26.5], [119.5, 26.5, 119.5, 26.5], { column: 0, row: 0 })).toEqual([0.5, 0.5]);
  });

  it('answers no extent for no points', () => {
    expect(extentOf([])).toBeNull();
  });
});
