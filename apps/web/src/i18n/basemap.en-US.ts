import type { basemapZhCN } from './basemap.zh-CN';

/** en-US texts of the map's basemap (same keys as zh-CN). */
export const basemapEnUS: typeof basemapZhCN = {
  basemap: {
    viewBasemap: 'Basemap',
    viewRegions: 'Regions',
    chartLabel: 'Projects on the basemap',
    settingsTitle: 'Map basemap',
    settingsIntro:
      'Give the map a basemap: a tile service on the government extranet (such as Tianditu; the address template holds {z}, {x}, {y}, and may hold {s} for subdomains and {tk} for the key), or offline tiles placed in the server data directory as tiles/{z}/{x}/{y}.png. Every tile goes through this server, so the key never reaches browsers. Without a basemap the map shows the schematic grid and requests no tiles.',
    source: 'Source',
    sources: {
      none: 'None (schematic grid)',
      xyz: 'Tile service (Tianditu etc.)',
      local: 'Offline tiles on the server',
    },
    urlTemplate: 'Tile address template',
    urlTemplateHelp:
      'e.g. http://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}',
    subdomains: 'Subdomains ({s})',
    token: 'Service key ({tk})',
    tokenSaved: 'A key is saved; leave empty to keep it',
    clearToken: 'Remove the saved key',
    minZoom: 'Minimum zoom',
    maxZoom: 'Maximum zoom',
    attribution: 'Attribution and map approval number',
    attributionHelp: 'Shown at the bottom right of the map, e.g. "Tianditu GS(2024)0650"',
    localHelp:
      'Offline tile directory: tiles in the server data directory (or TUIJIN_TILES_DIR), laid out as {z}/{x}/{y}.png (.jpg and .webp also work).',
    saved: 'Basemap settings saved',
  },
};
