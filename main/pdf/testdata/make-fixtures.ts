/**
 * Remake the small PDFs main/pdf's tests read: `npx tsx main/pdf/testdata/make-fixtures.ts`.
 * Needs LibreOffice (soffice), and for the refusals Ghostscript (gs) and qpdf; the fonts are
 * Debian's fonts-noto-cjk, fonts-arphic-ukai/uming and fonts-hanazono (for 𠀀). The PDFs are
 * committed, so the tests need none of these.
 *
 *   official.pdf   a case typeset as a health commission sets it: 小标宋-like title over two
 *                  centred lines, 黑体 and 楷体 headings, 仿宋-like body with first-line indents,
 *                  a bold lead, paragraphs broken by pages, running header and page numbers
 *   toc.pdf        a table of contents with dot leaders (one entry wraps), then the cases on
 *                  the pages it names
 *   columns.pdf    a newspaper page: masthead and headline across, five columns of articles
 *   table.pdf      a ruled table over two pages, its header row repeated, cells of several lines
 *   scanned.pdf    official.pdf's first page as an image only (no text layer)
 *   encrypted.pdf  needs a password to open
 *   owner-locked.pdf  encrypted with permissions only (opens without a password)
 *   damaged.pdf    official.pdf cut off after a third of its bytes
 *   garbage.pdf    a PDF header and then noise
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mm, typesetPdf, type Block } from './typeset.ts';

const OUT = import.meta.dirname;
const SEEDS = join(OUT, '../../../seeds');

/**
 * The seed's paragraphs, its hard wraps undone (the seeds are text extracted with wraps, and
 * with a paragraph break wherever a column ended): a paragraph that stops mid-sentence goes on.
 */
function seedParagraphs(file: string): string[] {
  const text = readFileSync(join(SEEDS, file), 'utf8');
  const out: string[] = [];
  for (const p of text.split(/\n\s*\n/).map((x) => x.replace(/\s*\n\s*/g, '').trim()).filter(Boolean)) {
    const last = out[out.length - 1];
    if (last && last.length >= 16 && !/[。！？”」]$/.test(last)) out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

export const OFFICIAL: Block[] = [
  { kind: 'title', text: '北京市：创新大人群体重干预模式提升首都职工体重管理能力' },
  { kind: 'subtitle', text: '——北京市卫生健康委员会' },
  { kind: 'h1', text: '一、主要背景' },
  {
    kind: 'body',
    text: '体重是评价人体营养和健康状况的重要指标，过低和过高均会增加疾病的发生风险。《北京市成人慢性病及其危险因素监测报告（2022年）》显示，北京市成人超重率为37.7%，成人肥胖率为26.7%，相比2020年分别增长了1.4%和4.6%。生僻字𠀀与表情😀也要一字不差。',
  },
  {
    kind: 'body',
    text: '2024年6月，国家卫生健康委等16部门制定发布《“体重管理年”活动实施方案》，将体重管理融入各项健康政策和行动计划中，倡导全社会建立文明健康的生活方式。',
  },
  { kind: 'h1', text: '二、主要做法' },
  { kind: 'h2', text: '（一）组织动员' },
  {
    kind: 'body',
    lead: '一是搭建沟通网络。',
    text: '活动启动前，北京市疾控中心向全市16区及经开区疾控中心下发健康体重行动技术方案，疾控中心作为活动的专业技术指导部门积极开展相关培训，提前做好技术指导储备，建立起市级-区级-单位的三级网络，实现人员管理、信息传达、问题答疑、数据反馈畅通机制。',
  },
  {
    kind: 'body',
    lead: '二是建立联动机制。',
    text: '北京市卫生健康委员会同北京市体育局、北京市总工会建立联动机制，组建市级健康体重专家团队，于2024年7月11日联合新华网召开“2024年北京市民健康体重行动”启动仪式，新华网线上同步直播，在线观看人数达225.9万人。',
  },
  { kind: 'h2', text: '（二）关键技术引领' },
  {
    kind: 'body',
    text: '北京市民健康体重行动采用移动互联技术，线上部分综合运用微信公众号、小程序、微信群等新媒体手段为参与者提供健康指导和行为干预。参与者在微信小程序上通过观看视频、阅读文章、知识答题、每日健康行为打卡等方式，获得体重管理的相关知识和技能，用科学的知识指导体重管理行为。',
  },
  {
    kind: 'body',
    text: '与此同时，通过组织各类线下培训和市民健康体重行动运动技能大赛等方式，推广健步走、八段锦、超慢跑三项重点运动技能，提升参与者通过科学运动措施管理体重的能力，掌握适合自身的运动方式，并促进运动习惯的养成。',
  },
  {
    kind: 'body',
    text: '活动通过小程序每日打卡，强化参与者自我管理。每日解锁打卡新内容，吸引参与者不断进阶，自主记录生活习惯及运动状态，持续监测行为改变，逐步养成健康的生活方式。除自我管理外，活动充分考虑社会环境及同伴关系对个体健康行为的影响，营造互相关心互相鼓励的同伴关系。',
  },
  {
    kind: 'body',
    text: '参与行动的单位各自建立小组，组长负责管理和引导督促，调动组员积极性。各小组采用多种方式在群组中进行互动交流，增加组员粘性和动力，如实时答疑解惑、每日打卡接龙、开展文字培训、组织工间操等，形成了支持性环境，更有利于行为干预的顺利进行。',
  },
  { kind: 'h2', text: '（三）创新大人群体重管理模式' },
  {
    kind: 'body',
    text: '2024年北京市民健康体重行动为期12周，于7月启动并招募，短短1个月时间，2.6万名在职职工积极报名参加，参与人员包括机关公务员、企事业单位干部职工、医生教师等。健康体重行动的整体干预时间为12周，活动期间，参与者每天在微信小程序上自主完成线上学习和实践打卡。',
  },
  {
    kind: 'body',
    text: '健康知识每日学习：知识内容依照“健康中国”15个专项行动，主要围绕合理膳食、健康环境、全民健身、心理健康、健康知识普及、控烟行动六大板块进行安排。知识学习共分为“必修”“进阶”“高阶”三个阶段，每日解锁新课程，参与者不断晋阶，可获得“健康之星”“健康标兵”“健康达人”称号。',
  },
  { kind: 'h1', text: '三、取得成效' },
  {
    kind: 'body',
    text: '活动结束后，完成全程干预的参与者平均体重下降2.1千克，腰围平均减少3.2厘米，体重指数（BMI）达到正常范围的比例由干预前的41.3%提高到52.6%。参与者健康素养水平明显提升，合理膳食、规律运动等健康行为形成率均有较大提高。',
  },
  { kind: 'h1', text: '四、经验启示' },
  {
    kind: 'body',
    text: '健康体重管理需要政府主导、部门协作、社会参与。依托信息化手段可以低成本覆盖大人群，同伴支持和组织化推进是保持参与热情的关键。下一步将总结推广工作模式，持续扩大覆盖人群。',
  },
];

const CASES = ['北京市：创新大人群体重干预模式提升首都职工体重管理能力', '河北省：高位推进 部门联动 努力推动将健康融入所有政策', '上海市：与时俱进接轨国际“控烟行动三部曲”'];
const PARA = '为进一步推动健康中国行动落地见效，本地区坚持以人民健康为中心，把健康融入所有政策，围绕重点人群和重大疾病开展综合干预，形成了可复制可推广的经验做法。';

export const TOC: Block[] = [
  { kind: 'center', text: '目  录' },
  {
    kind: 'toc',
    entries: [
      { title: '一、健康影响因素篇', page: 2 },
      { title: `1．${CASES[0]}`, page: 2, level: 2 },
      { title: `2．${CASES[1]}`, page: 3, level: 2 },
      { title: '二、重点人群篇', page: 4 },
      { title: `3．${CASES[2]}`, page: 4, level: 2 },
    ],
  },
  { kind: 'page-break' },
  { kind: 'h1', text: '一、健康影响因素篇' },
  { kind: 'title', text: `1．${CASES[0]}` },
  { kind: 'body', text: PARA },
  { kind: 'page-break' },
  { kind: 'title', text: `2．${CASES[1]}` },
  { kind: 'body', text: PARA },
  { kind: 'page-break' },
  { kind: 'h1', text: '二、重点人群篇' },
  { kind: 'title', text: `3．${CASES[2]}` },
  { kind: 'body', text: PARA },
];

export function newspaper(): Block[] {
  const paras = seedParagraphs('newspaper-healthy-china-action-provinces.txt');
  const blocks: Block[] = [
    { kind: 'title', text: '健康报' },
    { kind: 'headline', text: '健康中国行动各地推进进展' },
    { kind: 'columns', count: 5 },
  ];
  let n = 0;
  for (const p of paras) {
    // The seed's short lines without a full stop are its cross-heads.
    if (p.length < 16 && !/[。”]$/.test(p)) blocks.push({ kind: 'h1', text: p });
    else blocks.push({ kind: 'body', text: p });
    if (++n >= 16) break;
  }
  return blocks;
}

/**
 * About `pages` pages of the national compendium seed as typeset blocks (for the benchmark when
 * fixtures/pdf is not there): its part, case and section headings by their numbering, the rest
 * body text; the seed's page furniture left out.
 */
export function compendiumBlocks(pages: number): Block[] {
  const blocks: Block[] = [{ kind: 'title', text: '2024年度健康中国行动典型案例汇编' }];
  let chars = 0;
  for (const p of seedParagraphs('healthy-china-2024-typical-cases-compendium.txt')) {
    if (/^\d+$|^健康中国行动典型案例汇编$/.test(p)) continue;
    const short = p.length <= 40;
    const kind = short && /^[一二三四五六七八九十]+、/.test(p) ? 'h1' : short && /^（[一二三四五六七八九十]+）/.test(p) ? 'h2' : short && /^\d+．/.test(p) ? 'title' : 'body';
    blocks.push({ kind, text: p });
    // About 22 lines of 26 characters a page.
    chars += kind === 'body' ? p.length : 60;
    if (chars > pages * 540) break;
  }
  return blocks;
}

export function countyTable(): Block[] {
  const rows: string[][] = [['序号', '省份', '市', '县区', '典型经验']];
  const places = [
    ['浙江省', '宁波市', '象山县'],
    ['上海市', '—', '黄浦区'],
    ['江苏省', '苏州市', '昆山市'],
    ['安徽省', '合肥市', '肥西县'],
    ['福建省', '厦门市', '思明区'],
    ['江西省', '赣州市', '于都县'],
    ['山东省', '威海市', '荣成市'],
    ['河南省', '郑州市', '金水区'],
    ['湖北省', '宜昌市', '夷陵区'],
    ['湖南省', '长沙市', '浏阳市'],
    ['广东省', '深圳市', '南山区'],
    ['四川省', '成都市', '武侯区'],
  ];
  places.forEach((p, i) => rows.push([String(i + 1), ...p, `${p[2]}聚焦重点人群健康需求，推行“云健康”诊疗和家庭医生签约服务，建设健康步道和健康主题公园，健康素养水平提高${3 + i}个百分点。`]));
  return [{ kind: 'title', text: '2022年度健康县区建设典型经验' }, { kind: 'table', rows, widths: [12, 22, 22, 22, 78] }];
}

function tool(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: 'ignore', timeout: 120_000 });
}

async function main(): Promise<void> {
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(OUT, name), bytes);
    console.log(`${name}  ${bytes.length} bytes`);
  };
  const official = await typesetPdf(OFFICIAL, { header: '健康中国行动典型案例汇编', pageNumbers: true });
  write('official.pdf', official);
  write('toc.pdf', await typesetPdf(TOC, { pageNumbers: true }));
  write('columns.pdf', await typesetPdf(newspaper(), { bodySize: 9, lineSpacing: 13, margins: { top: mm(15), bottom: mm(15), left: mm(15), right: mm(15), header: mm(8), footer: mm(8) } }));
  write('table.pdf', await typesetPdf(countyTable(), { pageNumbers: true }));

  const dir = mkdtempSync(join(tmpdir(), 'casebench-fixtures-'));
  try {
    writeFileSync(join(dir, 'official.pdf'), official);
    tool('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=pdfimage8', '-r100', '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${join(dir, 'scanned.pdf')}`, join(dir, 'official.pdf')]);
    write('scanned.pdf', new Uint8Array(readFileSync(join(dir, 'scanned.pdf'))));
    tool('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', join(dir, 'official.pdf'), join(dir, 'encrypted.pdf')]);
    write('encrypted.pdf', new Uint8Array(readFileSync(join(dir, 'encrypted.pdf'))));
    tool('qpdf', ['--encrypt', '', 'owner-secret', '256', '--extract=n', '--modify=none', '--', join(dir, 'official.pdf'), join(dir, 'owner-locked.pdf')]);
    write('owner-locked.pdf', new Uint8Array(readFileSync(join(dir, 'owner-locked.pdf'))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  write('damaged.pdf', official.slice(0, Math.floor(official.length / 3)));
  // Deterministic noise after a PDF header: not a PDF at all.
  const noise = new Uint8Array(4096);
  let x = 12345;
  for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  write('garbage.pdf', new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...noise]));
}

if (process.argv[1]?.endsWith('make-fixtures.ts')) await main();
