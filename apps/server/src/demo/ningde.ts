import type { CreateOrganisation, CreateRegion } from '@tuijin/contracts';
import type { Role } from '@tuijin/domain';

/** 福建省宁德市 and its nine county-level divisions (GB/T 2260), plus 东侨经济开发区 as a non-standard unit. */
export const demoRegions: CreateRegion[] = [
  { code: '350000', name: '福建省', level: 'province', parentCode: null },
  { code: '350900', name: '宁德市', level: 'city', parentCode: '350000' },
  { code: '350902', name: '蕉城区', level: 'county', parentCode: '350900' },
  { code: '350921', name: '霞浦县', level: 'county', parentCode: '350900' },
  { code: '350922', name: '古田县', level: 'county', parentCode: '350900' },
  { code: '350923', name: '屏南县', level: 'county', parentCode: '350900' },
  { code: '350924', name: '寿宁县', level: 'county', parentCode: '350900' },
  { code: '350925', name: '周宁县', level: 'county', parentCode: '350900' },
  { code: '350926', name: '柘荣县', level: 'county', parentCode: '350900' },
  { code: '350981', name: '福安市', level: 'county', parentCode: '350900' },
  { code: '350982', name: '福鼎市', level: 'county', parentCode: '350900' },
  { code: '350900-DQ', name: '东侨经济开发区', level: 'zone', parentCode: '350900' },
];

type DemoOrganisation = Omit<CreateOrganisation, 'contactPerson' | 'contactPhone' | 'sector'> & {
  key: string;
  sector?: CreateOrganisation['sector'];
};

const office = (key: string, regionCode: string, name: string): DemoOrganisation => ({
  key,
  name,
  kind: 'office',
  regionCode,
});
const department = (key: string, name: string, sector: CreateOrganisation['sector']): DemoOrganisation => ({
  key,
  name,
  kind: 'department',
  regionCode: '350900',
  sector,
});

/** The offices, departments and owner units of the demo; `key` names them for the accounts below. */
export const demoOrganisations: DemoOrganisation[] = [
  office('cityOffice', '350900', '宁德市重点项目建设办公室'),
  office('jiaochengOffice', '350902', '蕉城区重点项目建设办公室'),
  office('xiapuOffice', '350921', '霞浦县重点项目建设办公室'),
  office('gutianOffice', '350922', '古田县重点项目建设办公室'),
  office('pingnanOffice', '350923', '屏南县重点项目建设办公室'),
  office('shouningOffice', '350924', '寿宁县重点项目建设办公室'),
  office('zhouningOffice', '350925', '周宁县重点项目建设办公室'),
  office('zherongOffice', '350926', '柘荣县重点项目建设办公室'),
  office('fuanOffice', '350981', '福安市重点项目建设办公室'),
  office('fudingOffice', '350982', '福鼎市重点项目建设办公室'),
  office('dongqiaoOffice', '350900-DQ', '东侨经济开发区重点项目办公室'),
  department('drc', '宁德市发展和改革委员会', '发改'),
  department('housing', '宁德市住房和城乡建设局', '住建'),
  department('transport', '宁德市交通运输局', '交通'),
  department('industry', '宁德市工业和信息化局', '工信'),
  department('naturalResources', '宁德市自然资源局', '自然资源'),
  department('environment', '宁德市生态环境局', '生态环境'),
  department('water', '宁德市水利局', '水利'),
  department('health', '宁德市卫生健康委员会', '卫健'),
  department('education', '宁德市教育局', '教育'),
  department('commerce', '宁德市商务局', '商务'),
  department('tourism', '宁德市文化和旅游局', '文旅'),
  department('agriculture', '宁德市农业农村局', '农业农村'),
  {
    key: 'jiaochengInvest',
    name: '宁德市蕉城区城市建设投资开发有限公司',
    kind: 'owner',
    regionCode: '350902',
  },
  { key: 'newEnergy', name: '宁德时代新能源科技股份有限公司', kind: 'owner', regionCode: '350902' },
  { key: 'fuanSteel', name: '福安市青拓新材料有限公司', kind: 'owner', regionCode: '350981' },
  { key: 'fudingPort', name: '福鼎市港口开发建设有限公司', kind: 'owner', regionCode: '350982' },
  { key: 'cityGovernment', name: '宁德市人民政府', kind: 'other', regionCode: '350900' },
  { key: 'discipline', name: '宁德市纪委监委', kind: 'other', regionCode: '350900' },
  { key: 'dataCentre', name: '宁德市大数据服务中心', kind: 'other', regionCode: '350900' },
];

/** The documented demo accounts, all with the password {@link demoPassword}. */
export const demoAccounts: { username: string; displayName: string; organisation: string; roles: Role[] }[] =
  [
    { username: 'admin', displayName: '系统管理员', organisation: 'dataCentre', roles: ['system_admin'] },
    {
      username: 'security',
      displayName: '安全管理员',
      organisation: 'dataCentre',
      roles: ['security_admin'],
    },
    { username: 'auditor', displayName: '审计管理员', organisation: 'dataCentre', roles: ['audit_admin'] },
    { username: 'ningde', displayName: '林晓东', organisation: 'cityOffice', roles: ['office_staff'] },
    {
      username: 'jiaocheng',
      displayName: '陈思远',
      organisation: 'jiaochengOffice',
      roles: ['office_staff'],
    },
    { username: 'fuan', displayName: '郑海峰', organisation: 'fuanOffice', roles: ['office_staff'] },
    { username: 'owner1', displayName: '黄建华', organisation: 'jiaochengInvest', roles: ['owner'] },
    { username: 'leader1', displayName: '吴国平', organisation: 'cityGovernment', roles: ['leader'] },
    { username: 'leader2', displayName: '陈立军', organisation: 'cityGovernment', roles: ['leader'] },
    { username: 'officer1', displayName: '周丽华', organisation: 'cityOffice', roles: ['service_officer'] },
    { username: 'zhujian', displayName: '何文斌', organisation: 'housing', roles: ['department_staff'] },
    { username: 'supervisor', displayName: '张明清', organisation: 'discipline', roles: ['supervisor'] },
  ];

export const demoPassword = 'Tuijin#2026';
