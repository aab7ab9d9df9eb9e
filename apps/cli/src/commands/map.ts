import { deleteRegionMap, uploadRegionMap, userCtx } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { readInputFile } from '../cli-input';
import { withDatabase } from '../open';

type Io = { out: (s: string) => void; err: (s: string) => void };

const regionPattern = /^[0-9A-Za-z-]{2,20}$/;

/**
 * `tuijin map upload|delete`: the office's approved boundary map (GeoJSON), through the same use
 * cases as the web page, as the account given by `--as` (its permission and jurisdiction apply).
 * A refused file prints every problem with its feature index and property.
 */
export function registerMapCommands(program: Command, io: Io) {
  const map = program.command('map').description('挂图作战：辖区边界图（GeoJSON）');
  map
    .command('upload')
    .description(
      '上传经审核的辖区边界图（GeoJSON FeatureCollection，要素为 Polygon/MultiPolygon，属性 adcode 或 code 为本辖区区划代码），生成新版本',
    )
    .argument('<file>', 'GeoJSON 文件')
    .requiredOption('--as <username>', '以哪个账号（重点办）的身份上传')
    .option('--region <code>', '边界图所属区划；默认该账号的辖区')
    .action(async (file: string, options: { as: string; region?: string }) => {
      if (options.region !== undefined && !regionPattern.test(options.region))
        throw new CliError(`参数 --region 无效：“${options.region}”不是区划代码（如 350902）`, 2);
      const content = (await readInputFile(file)).toString('utf8');
      await withDatabase(async (handle, auditKey) => {
        const ctx = await userCtx(handle.db, auditKey, options.as);
        const answer = await uploadRegionMap(ctx, {
          fileName: file.split(/[\\/]/).pop() ?? file,
          content,
          ...(options.region ? { regionCode: options.region } : {}),
        });
        const saved = answer.map!;
        io.out(
          `已保存 ${saved.regionName} 的边界图：第 ${saved.version} 版，${saved.featureCount} 个区划（${saved.geojson.features
            .map((f) => f.properties.name)
            .join('、')}）\n`,
        );
      });
    });
  map
    .command('delete')
    .description('删除区划的边界图（各版本保留在历史中），地图回到示意网格')
    .argument('<region>', '区划代码')
    .requiredOption('--as <username>', '以哪个账号（重点办）的身份删除')
    .action(async (region: string, options: { as: string }) => {
      if (!regionPattern.test(region)) throw new CliError(`“${region}”不是区划代码（如 350900）`, 2);
      await withDatabase(async (handle, auditKey) => {
        await deleteRegionMap(await userCtx(handle.db, auditKey, options.as), region);
        io.out(`已删除 ${region} 的边界图\n`);
      });
    });
}
