import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BulletinKind, chinaDate, parseBulletinPeriod } from '@tuijin/domain';
import {
  fileStoreFor,
  generateBulletinFiles,
  officeSystemCtx,
  readSettings,
  systemClock,
  userCtx,
} from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

interface BulletinOptions {
  region?: string;
  month?: string;
  week?: string;
  day?: string;
  as: string;
  out: string;
  pdf?: boolean;
  xlsx?: boolean;
}

/** The kind and period named by exactly one of --month, --week, --day; a wrong one is exit code 2. */
function kindAndPeriod(options: BulletinOptions): { kind: BulletinKind; period: string } {
  const given = (
    [
      ['monthly', options.month, '--month 2026-10'],
      ['weekly', options.week, '--week 2026-W45'],
      ['daily', options.day, '--day 2026-12-04'],
    ] as const
  ).filter(([, value]) => value !== undefined);
  if (given.length !== 1) throw new CliError('请给出 --month、--week、--day 中的一个', 2);
  const [kind, period, example] = given[0]!;
  if (!parseBulletinPeriod(kind, period!)) throw new CliError(`期间无效：${period}（应如 ${example}）`, 2);
  return { kind, period: period! };
}

async function save(path: string, bytes: Buffer) {
  await writeFile(path, bytes).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`无法写入文件 ${path}：${error.message}`, 1);
  });
}

interface DailyOptions {
  region: string;
  date?: string;
  as?: string;
  out: string;
}

export function registerBulletinCommands(program: Command, io: { out: (s: string) => void }) {
  const bulletin = program.command('bulletin').description('通报');
  bulletin
    .command('daily')
    .description(
      '一日一通报：按本级日通报模板生成某日通报（现场用工、健康观察、督查、停工项目等当日数据），写出 Word、PDF 和 Excel 附表',
    )
    .requiredOption('--region <code>', '区划代码（该地区须有本级重点办）')
    .option('--date <YYYY-MM-DD>', '日期，缺省为今天（北京时间）')
    .option('--as <username>', '以该用户（本级重点办）的身份生成；缺省由系统代本级重点办生成，与定时任务相同')
    .option('--out <dir>', '输出目录', '.')
    .action(async (options: DailyOptions) => {
      const day = options.date ?? chinaDate(new Date());
      if (!parseBulletinPeriod('daily', day)) throw new CliError(`日期无效：${day}（应如 2026-12-04）`, 2);
      const formats = ['docx', 'pdf', 'xlsx'] as const;
      await withDatabase(async (handle, auditKey) => {
        const ctx = options.as
          ? await userCtx(handle.db, auditKey, options.as)
          : await officeSystemCtx({ db: handle.db, auditKey, clock: systemClock }, options.region);
        if (!ctx) throw new CliError(`${options.region} 没有本级重点办，不能生成一日一通报`, 2);
        if (ctx.actor.regionCode !== options.region)
          throw new CliError(
            `${options.as} 的辖区是 ${ctx.actor.regionCode}，不能为 ${options.region} 编写通报`,
            2,
          );
        const store = fileStoreFor(handle, readSettings().filesDir);
        const { bulletin, files } = await generateBulletinFiles(
          ctx,
          { kind: 'daily', period: day },
          [...formats],
          store,
        );
        await mkdir(options.out, { recursive: true });
        const base = join(options.out, `${bulletin.regionName}一日一通报-${day}`);
        for (const format of formats) await save(`${base}.${format}`, files[format]!);
        const state = { draft: '草稿', reviewed: '已审核', issued: `已签发 ${bulletin.serial}` }[
          bulletin.status
        ];
        io.out(`${bulletin.title}（${state}）：${formats.map((f) => `${base}.${f}`).join('、')}\n`);
      });
    });
  bulletin
    .command('generate')
    .description(
      '按模板和数据生成本辖区某期通报（未签发的按最新数据刷新；已签发的输出存档文件），写出 Word，可加 PDF、Excel 附表',
    )
    .option('--region <code>', '区划代码；须为该用户的辖区（缺省即是）')
    .option('--month <YYYY-MM>', '月度通报的月份，如 2026-10')
    .option('--week <YYYY-Www>', '周通报的周，如 2026-W45')
    .option('--day <YYYY-MM-DD>', '日通报的日期，如 2026-12-04')
    .requiredOption('--as <username>', '以该用户（重点办）的身份生成')
    .requiredOption('--out <file>', '输出 Word 文件（.docx）')
    .option('--pdf', '同时写出 PDF（与 --out 同名，扩展名 .pdf）')
    .option('--xlsx', '同时写出 Excel 附表（与 --out 同名，扩展名 .xlsx）')
    .action(async (options: BulletinOptions) => {
      const input = kindAndPeriod(options);
      if (!options.out.toLowerCase().endsWith('.docx')) throw new CliError('--out 应为 .docx 文件', 2);
      const formats = [
        'docx' as const,
        ...(options.pdf ? ['pdf' as const] : []),
        ...(options.xlsx ? ['xlsx' as const] : []),
      ];
      await withDatabase(async (handle, auditKey) => {
        const ctx = await userCtx(handle.db, auditKey, options.as);
        if (options.region && options.region !== ctx.actor.regionCode)
          throw new CliError(
            `${options.as} 的辖区是 ${ctx.actor.regionCode}，不能为 ${options.region} 编写通报`,
            2,
          );
        const store = fileStoreFor(handle, readSettings().filesDir);
        const { bulletin, files } = await generateBulletinFiles(ctx, input, formats, store);
        const base = options.out.slice(0, -'.docx'.length);
        for (const format of formats)
          await save(format === 'docx' ? options.out : `${base}.${format}`, files[format]!);
        const state = { draft: '草稿', reviewed: '已审核', issued: `已签发 ${bulletin.serial}` }[
          bulletin.status
        ];
        io.out(
          `${bulletin.title}（${state}）：${formats.map((f) => (f === 'docx' ? options.out : `${base}.${f}`)).join('、')}\n`,
        );
      });
    });
}
