/**
 * fontconfig aliases so the four roles of an official document print in four different real
 * faces on a Debian machine without the commercial fonts: 方正小标宋简体 → Noto Serif CJK SC
 * (set bold: a heavy Song), 黑体 → WenQuanYi Zen Hei, 楷体_GB2312 → AR PL UKai CN,
 * 仿宋_GB2312 → AR PL UMing CN (there is no free FangSong), 宋体 → Noto Serif CJK SC.
 * Debian packages: fonts-noto-cjk fonts-wqy-zenhei fonts-arphic-ukai fonts-arphic-uming.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FONT_ALIASES: Record<string, string> = {
  方正小标宋简体: 'Noto Serif CJK SC',
  黑体: 'WenQuanYi Zen Hei',
  楷体_GB2312: 'AR PL UKai CN',
  仿宋_GB2312: 'AR PL UMing CN',
  宋体: 'Noto Serif CJK SC',
  微软雅黑: 'Noto Sans CJK SC',
};

/** Write a fonts.conf that includes the system's and adds the aliases; returns its path (for FONTCONFIG_FILE). */
export function writeFontsConf(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casebench-fonts-'));
  const aliases = Object.entries(FONT_ALIASES)
    .map(([from, to]) => `  <match target="pattern"><test name="family" compare="eq"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`)
    .join('\n');
  const path = join(dir, 'fonts.conf');
  writeFileSync(path, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`);
  return path;
}
