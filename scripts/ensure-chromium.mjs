// Makes sure Debian's Chromium, a CJK font and poppler-utils (pdftoppm renders a PDF's page for a test to
// look at) are present for the browser tests: installs them with apt-get when running as root, otherwise
// stops with the one line that installs them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const installLine =
  'sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei poppler-utils';

const packageInstalled = (name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;

export function ensureChromium() {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  if (!packageInstalled('fonts-wqy-microhei')) missing.push('fonts-wqy-microhei');
  if (!packageInstalled('poppler-utils')) missing.push('poppler-utils');
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`浏览器测试需要 Chromium、中文字体和 poppler-utils。请先运行：\n  ${installLine}`);
    process.exit(1);
  }
  console.log(`正在安装 ${missing.join(' ')}（浏览器测试需要）…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  } catch {
    console.error(`安装失败。请手动运行：\n  ${installLine}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
