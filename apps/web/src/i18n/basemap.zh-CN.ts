/** zh-CN texts of the map's basemap: the view switch and the system admin's setting (merged into zh-CN.ts). */
export const basemapZhCN = {
  basemap: {
    viewBasemap: '底图',
    viewRegions: '区划着色',
    chartLabel: '项目分布底图',
    settingsTitle: '地图底图',
    settingsIntro:
      '为“挂图作战”配置底图：政务外网的瓦片服务（如天地图，地址模板含 {z}、{x}、{y}，可含 {s} 子域和 {tk} 密钥），或把离线瓦片放到服务器数据目录的 tiles/{z}/{x}/{y}.png。所有瓦片经本系统服务器转发，密钥不下发到浏览器。未配置时地图显示示意网格，不请求任何瓦片。',
    source: '底图来源',
    sources: { none: '不使用（示意网格）', xyz: '瓦片服务（天地图等）', local: '本地离线瓦片' },
    urlTemplate: '瓦片地址模板',
    urlTemplateHelp:
      '例：http://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}',
    subdomains: '子域（{s}）',
    token: '服务密钥（{tk}）',
    tokenSaved: '已保存密钥；留空则保留原密钥',
    clearToken: '清除已保存的密钥',
    minZoom: '最小缩放级别',
    maxZoom: '最大缩放级别',
    attribution: '版权及审图号',
    attributionHelp: '显示在地图右下角，如“天地图 GS(2024)0650号”',
    localHelp:
      '离线瓦片目录：服务器数据目录下的 tiles（或环境变量 TUIJIN_TILES_DIR），结构为 {z}/{x}/{y}.png（也可为 .jpg、.webp）。',
    saved: '底图设置已保存',
  },
};
