/** A region to lay out as a tile: its code, its order in the region tree, and where its projects lie. */
export interface TileInput {
  code: string;
  sortOrder: number;
  /** Mean [longitude, latitude] of the region's projects with coordinates; null when none has any. */
  centre: readonly [number, number] | null;
}

/** A tile's place in the grid: column from the left, row from the top (both from 0). */
export interface TilePlace {
  code: string;
  column: number;
  row: number;
}

export interface TileGrid {
  columns: number;
  rows: number;
  tiles: TilePlace[];
}

/**
 * Lays regions out as equal square tiles in a near-square grid (columns = ⌈√n⌉), a schematic
 * stand-in until the office uploads an approved boundary file. Tiles roughly follow geography:
 * regions whose projects have coordinates fill the grid north to south by their projects' mean
 * latitude, each row west to east by mean longitude; regions without any follow in region order.
 * Deterministic: ties fall back to region order, then code.
 */
export function layoutTileGrid(regions: readonly TileInput[]): TileGrid {
  const n = regions.length;
  if (n === 0) return { columns: 0, rows: 0, tiles: [] };
  const columns = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / columns);
  const byOrder = (a: TileInput, b: TileInput) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);
  const placed = regions.filter((r) => r.centre !== null);
  const unplaced = regions.filter((r) => r.centre === null).sort(byOrder);
  const northFirst = [...placed].sort((a, b) => b.centre![1] - a.centre![1] || byOrder(a, b));
  const ordered: TileInput[] = [];
  for (let start = 0; start < northFirst.length; start += columns) {
    const row = northFirst.slice(start, start + columns);
    ordered.push(...row.sort((a, b) => a.centre![0] - b.centre![0] || byOrder(a, b)));
  }
  ordered.push(...unplaced);
  return {
    columns,
    rows,
    tiles: ordered.map((region, i) => ({
      code: region.code,
      column: i % columns,
      row: Math.floor(i / columns),
    })),
  };
}

/** A bounding box of coordinates: [west, south, east, north]. */
export type Extent = readonly [number, number, number, number];

/** The extent of the given [longitude, latitude] points; null when there are none. */
export function extentOf(points: readonly (readonly [number, number])[]): Extent | null {
  if (points.length === 0) return null;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of points) {
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}

/**
 * Where a project point goes inside its region's tile, as [x, y] in grid units (x to the right, y
 * downward, the tile spanning [column, column + 1] × [row, row + 1]): its coordinates scaled from
 * the extent of its region's projects into the tile's inner part (a margin of `margin` on each side
 * keeps points off the border and the label). A region whose projects share one spot puts it in
 * the middle.
 */
export function placeInTile(
  point: readonly [number, number],
  extent: Extent,
  tile: Pick<TilePlace, 'column' | 'row'>,
  margin = 0.15,
): [number, number] {
  const [west, south, east, north] = extent;
  const span = Math.max(east - west, north - south);
  const inner = 1 - 2 * margin;
  const scale = (value: number, low: number, high: number) =>
    span > 0 ? (value - (low + high) / 2) / span + 0.5 : 0.5;
  const x = scale(point[0], west, east);
  const y = 1 - scale(point[1], south, north);
  return [tile.column + margin + x * inner, tile.row + margin + y * inner];
}
