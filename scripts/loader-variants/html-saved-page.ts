/**
 * HTML, a saved government web page: DOCTYPE, a head with meta, CSS and scripts, a header, nav
 * and breadcrumbs, the article's metadata, the text as a CMS writes it (&ldquo; &rdquo; &#12288;
 * &nbsp;, inline font spans), the county table as a table, share buttons, related links, a
 * footer, and trailing scripts. The loader must find the article and nothing else.
 */
import { cmsEntities, escapeHtml, htmlBody } from './html.ts';
import { docModel } from './model.ts';
import { countyWideFlow, nativeFlow } from './native.ts';
import { Prng } from './prng.ts';
import { readAllTruth, type SeedId } from './truth.ts';
import { writeVariant, type Family } from './write.ts';

const SITES: Array<{ seed: SeedId; cases: number | 'all'; site: string; column: string; date: string; source: string }> = [
  { seed: 'henan2022', cases: 'all', site: '河南省卫生健康委员会', column: '通知公告', date: '2022-03-10 16:42', source: '健康中原行动推进委员会办公室' },
  { seed: 'counties2022', cases: 'all', site: '全国爱国卫生运动委员会办公室', column: '工作动态', date: '2023-02-21 09:15', source: '全国爱卫办' },
  { seed: 'hc2024', cases: 6, site: '中国健康教育中心', column: '健康中国行动', date: '2024-11-28 10:00', source: '中国健康教育中心' },
];

function page(title: string, site: string, column: string, date: string, source: string, article: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta name="SiteName" content="${escapeHtml(site)}" />
<meta name="ColumnName" content="${escapeHtml(column)}" />
<meta name="ArticleTitle" content="${escapeHtml(title)}" />
<meta name="PubDate" content="${date}" />
<title>${escapeHtml(title)}_${escapeHtml(column)}_${escapeHtml(site)}</title>
<link rel="stylesheet" type="text/css" href="/css/common.css" />
<style type="text/css">
body { margin: 0; font-family: "Microsoft YaHei", "微软雅黑", SimSun, "宋体"; background: #f2f2f2; }
.header { height: 120px; background: url(/images/banner.jpg) no-repeat center; }
.nav ul li { float: left; width: 120px; text-align: center; }
.nav ul li a:hover { color: #c00; }
.article h1 { font-size: 26px; color: #0b3d91; text-align: center; }
.article .TRS_Editor p { text-indent: 2em; line-height: 2; font-size: 16px; }
.footer { clear: both; color: #666; font-size: 12px; }
</style>
<script type="text/javascript" src="/js/jquery-1.8.3.min.js"></script>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() { var hm = document.createElement("script"); hm.src = "https://hm.example/hm.js?3f2a"; var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); })();
function doZoom(size) { document.getElementById('zoom').style.fontSize = size + 'px'; }
var articleTitle = "${title.replace(/"/g, '\\"')}";
document.write('<div class="ad">欢迎访问${site}</div>');
</script>
</head>
<body>
<div class="top"><div class="w1200">
<span class="date" id="today"></span>
<a href="/">设为首页</a> | <a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a> | <a href="/wza/">无障碍浏览</a> | <a href="/en/">English</a>
</div></div>
<div class="header"><img src="/images/logo.png" alt="${escapeHtml(site)}" /></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/jggk/">机构概况</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li>
</ul></div>
<div class="position">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;&gt;&nbsp;<a href="/zwgk/tzgg/">${escapeHtml(column)}</a></div>
<div class="article">
<h1>${escapeHtml(title)}</h1>
<div class="info">发布时间：${date}&nbsp;&nbsp;&nbsp;来源：${escapeHtml(source)}&nbsp;&nbsp;&nbsp;浏览次数：<span id="hits">2386</span>&nbsp;&nbsp;&nbsp;字号：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</div>
<div class="TRS_Editor" id="zoom">
${article}
</div>
<div class="share">分享到：<a class="wx" href="javascript:void(0)">微信</a><a class="wb" href="javascript:void(0)">微博</a><a class="qq" href="javascript:void(0)">QQ空间</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关链接</h3><ul>
<li><a href="/a/1.html">关于开展健康中国行动专项督查的通知</a></li>
<li><a href="/a/2.html">2023年卫生健康工作要点</a></li>
<li><a href="/a/3.html">健康知识普及行动工作方案解读</a></li>
</ul></div>
<div class="footer">
<p>主办单位：${escapeHtml(site)}&nbsp;&nbsp;地址：郑州市金水区&#12288;邮编：450000</p>
<p>版权所有&copy;${escapeHtml(site)}&nbsp;&nbsp;<a href="https://beian.example/">豫ICP备12345678号-1</a>&nbsp;&nbsp;网站标识码：4100000001</p>
<p><a href="/lxwm/">联系我们</a> | <a href="/wzdt/">网站地图</a> | <a href="/sm/">免责声明</a></p>
</div>
<script type="text/javascript">
document.getElementById('today').innerHTML = new Date().toLocaleDateString();
$(function () { $('.nav li').hover(function () { $(this).addClass('on'); }, function () { $(this).removeClass('on'); }); });
</script>
</body>
</html>
`;
}

export const htmlSavedPage: Family = {
  kind: 'html-saved-page',
  generate() {
    const truth = readAllTruth();
    return SITES.map(({ seed, cases, site, column, date, source }) => {
      const rng = new Prng(`saved-${seed}`);
      const all = truth[seed].cases.map((c) => c.ordinal);
      const doc = docModel(truth[seed], cases === 'all' ? all : rng.sample(all, cases));
      const flow = seed === 'counties2022' ? countyWideFlow(doc) : nativeFlow(doc);
      // The page's h1 is the article title: the body repeats it only where the document does.
      const title = flow.items.find((i) => i.role === 'doc-title')?.text ?? '';
      const article = htmlBody(flow.items.filter((i) => i.role !== 'doc-title'), { cms: true, entities: (s) => cmsEntities(s, rng) });
      return writeVariant(flow.expected('html-saved-page', seed, `${seed}.html`, `${doc.cases.length} ${seed} cases in a saved ${site} page (${column})`), page(title, site, column, date, source, article));
    });
  },
};
