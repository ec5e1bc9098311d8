namespace OpenHealthData.Api.Explore;

/// <summary>The explorer's words in English and Chinese, and the names of the data's codes (kinds, qualifiers, categories, levels).</summary>
public static class ExploreText
{
    private static readonly Dictionary<string, (string En, string Zh)> Words = new()
    {
        ["site.tagline"] = ("Figures from Chinese public-health reports, each traced to its sentence", "中国卫生健康报告中的数据，每个数字都可追溯到原文句子"),
        ["nav.explore"] = ("Explore", "浏览与搜索"),
        ["nav.metrics"] = ("Metrics", "指标"),
        ["nav.ide"] = ("GraphQL IDE", "GraphQL 查询"),
        ["nav.api"] = ("API", "API"),
        ["nav.home"] = ("About the data", "关于数据"),
        ["lang.switch"] = ("中文", "English"),
        ["lang.switch.label"] = ("Switch to Chinese", "切换到英文"),
        ["skip"] = ("Skip to content", "跳到正文"),
        ["search.title"] = ("Find a figure", "查找数据"),
        ["search.label"] = ("Search in Chinese or English", "用中文或英文搜索"),
        ["search.placeholder"] = ("e.g. 出生率, birth rate, 医共体", "例如：出生率、birth rate、医共体"),
        ["search.button"] = ("Search", "搜索"),
        ["search.hint"] = ("Every word must occur (any case) in the figure's metric, quote, sentence, note, region or source.", "每个词都须出现在数据的指标、引文、原句、注释、地区或来源中（不分大小写）。"),
        ["results.count"] = ("{0} figures", "共 {0} 条数据"),
        ["results.for"] = ("for", "匹配"),
        ["results.none"] = ("No figure matches. Try fewer words, another spelling, or the other language.", "没有匹配的数据。请减少词语、换一种写法或换一种语言。"),
        ["results.all"] = ("All figures: achieved ones first, newest first", "全部数据：实际数据在前，按年份从新到旧"),
        ["filters.active"] = ("Filters", "筛选条件"),
        ["filters.remove"] = ("Remove filter", "移除筛选"),
        ["filters.clear"] = ("Clear all", "全部清除"),
        ["facet.region"] = ("Region", "地区"),
        ["facet.year"] = ("Year", "年份"),
        ["facet.kind"] = ("Kind", "类型"),
        ["facet.category"] = ("Category", "类别"),
        ["facet.metric"] = ("Metric", "指标"),
        ["facet.source"] = ("Source", "来源"),
        ["facet.qualifier"] = ("How the value is meant", "数值含义"),
        ["facet.headline"] = ("Headline figures", "重点数据"),
        ["headline.true"] = ("Headline figures only", "仅重点数据"),
        ["headline.false"] = ("Other figures", "其他数据"),
        ["headline.badge"] = ("Headline", "重点"),
        ["headline.title"] = ("A headline figure: an outcome, coverage, capacity, money or staff", "重点数据：结果、覆盖、能力、资金或人员"),
        ["qualifier.rank.value"] = ("rank #{0}", "第 {0} 名"),
        ["col.qualifier"] = ("Meaning", "含义"),
        ["col.dimensions"] = ("Breakdown", "分组"),
        ["metric.compare"] = ("Compare like for like across regions", "跨地区同口径比较"),
        ["metric.compare.desc"] = ("Groups of figures with the same breakdown, unit and kind from two or more regions ({0}); each opens as JSON from /api/v1/compare (GraphQL: compare):", "口径相同（分组、单位、类型一致）且来自两个以上地区的数据组（{0} 组）；每组可从 /api/v1/compare 以 JSON 打开（GraphQL：compare）："),
        ["metric.compare.none"] = ("No two regions give this metric with the same breakdown, unit and kind, so its figures do not compare directly.", "没有两个地区以相同的分组、单位和类型报告该指标，因此不能直接比较。"),
        ["facets"] = ("Narrow down", "缩小范围"),
        ["value.normalised"] = ("normalised", "标准化"),
        ["quote"] = ("Quote", "引文"),
        ["quote.en"] = ("In English", "英文"),
        ["sentence"] = ("Whole sentence", "完整原句"),
        ["source"] = ("Source", "来源"),
        ["check.context"] = ("Check in context", "查看上下文"),
        ["cite"] = ("Cite", "引用"),
        ["cite.copy"] = ("Copy citation", "复制引用"),
        ["cite.copied"] = ("Citation copied", "已复制引用"),
        ["cite.link"] = ("Link", "链接"),
        ["download"] = ("Download these figures", "下载这些数据"),
        ["ide.open"] = ("Open as a GraphQL query", "以 GraphQL 查询打开"),
        ["ide.query"] = ("The same as a GraphQL query", "对应的 GraphQL 查询"),
        ["page.next"] = ("Next page", "下一页"),
        ["page.first"] = ("First page", "第一页"),
        ["page.of"] = ("Showing {0}–{1} of {2}", "第 {0}–{1} 条，共 {2} 条"),
        ["metric.definition"] = ("Definition", "定义"),
        ["metric.unit"] = ("Unit", "单位"),
        ["metric.code"] = ("Code", "代码"),
        ["metric.coverage"] = ("{0} figures in {1} regions, {2}", "{1} 个地区共 {0} 条数据，{2}"),
        ["metric.chart"] = ("Every figure by year and region", "各地区逐年数据"),
        ["metric.chart.desc"] = ("Actual figures are filled dots joined by solid lines; targets are hollow diamonds on dashed lines. Each point links to its row in the table below.", "实心圆点和实线为实际数据；空心菱形和虚线为目标。每个点都链接到下表中的对应行。"),
        ["metric.table"] = ("The figures", "数据表"),
        ["metric.all"] = ("All metrics", "全部指标"),
        ["metric.search"] = ("Search these figures", "在这些数据中搜索"),
        ["metrics.title"] = ("Metrics", "指标"),
        ["metrics.intro"] = ("What the reports measure, by category, with where and when each has figures.", "报告中统计的指标（按类别），以及每个指标有数据的地区和年份。"),
        ["col.region"] = ("Region", "地区"),
        ["col.year"] = ("Year", "年份"),
        ["col.kind"] = ("Kind", "类型"),
        ["col.value"] = ("As written", "原文数值"),
        ["col.normalised"] = ("Value", "数值"),
        ["col.quote"] = ("Quote", "引文"),
        ["col.metric"] = ("Metric", "指标"),
        ["col.figures"] = ("Figures", "数据数"),
        ["col.regions"] = ("Regions", "地区"),
        ["col.years"] = ("Years", "年份"),
        ["col.code"] = ("Code", "代码"),
        ["col.level"] = ("Level", "级别"),
        ["col.parent"] = ("Part of", "上级"),
        ["region.parent"] = ("Part of", "上级地区"),
        ["region.children"] = ("Regions below", "下级地区"),
        ["region.figures"] = ("Figures about {0}, by category", "{0}的数据（按类别）"),
        ["region.none"] = ("The reports give no figure about this region itself.", "报告中没有关于该地区本身的数据。"),
        ["region.below"] = ("Search the figures of {0} and the regions below it", "搜索{0}及其下级地区的数据"),
        ["regions.title"] = ("Regions", "地区"),
        ["source.text"] = ("The report, with every extracted figure marked", "报告全文（已标出每个提取的数据）"),
        ["source.howto"] = ("Each highlighted passage is a figure in the data; its number links to the record.", "每段高亮文字都是一条数据；其编号链接到该数据记录。"),
        ["source.figures"] = ("{0} figures from this report", "本报告共 {0} 条数据"),
        ["source.original"] = ("Original", "原文链接"),
        ["source.plain"] = ("Plain text", "纯文本"),
        ["source.publisher"] = ("Publisher", "发布者"),
        ["source.date"] = ("Date", "日期"),
        ["notfound.title"] = ("Not found", "未找到"),
        ["badrequest.title"] = ("That request cannot be answered", "无法处理该请求"),
        ["back"] = ("Back to the explorer", "返回浏览页"),
        ["footer"] = ("Open data. The reports belong to their publishers; OpenHealthData adds structure, English renderings and links back.", "开放数据。报告版权归发布者所有；OpenHealthData 提供结构化数据、英文译文和原文链接。"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> Codes = new()
    {
        ["actual"] = ("actual", "实际"), ["target"] = ("target", "目标"), ["change"] = ("change", "变化"),
        ["EXACT"] = ("exact", "确切值"), ["APPROXIMATE"] = ("approximate (~)", "约数（~）"), ["AT_LEAST"] = ("at least (≥)", "不低于（≥）"),
        ["AT_MOST"] = ("at most (≤)", "不高于（≤）"), ["RANGE"] = ("range (from–to)", "区间（从–到）"), ["RANK"] = ("rank", "名次"),
        ["province"] = ("province", "省"), ["prefecture"] = ("prefecture", "地级市"), ["county"] = ("county", "县级"), ["country"] = ("country", "国家"),
        ["governance"] = ("Governance", "治理"), ["hospital_services"] = ("Hospital services", "医院服务"), ["workforce"] = ("Workforce", "卫生人才"),
        ["maternal_child_health"] = ("Maternal and child health", "妇幼健康"), ["primary_care"] = ("Primary care", "基层医疗"),
        ["traditional_medicine"] = ("Traditional medicine", "中医药"), ["public_health"] = ("Public health", "公共卫生"),
        ["infrastructure"] = ("Infrastructure", "基础设施"), ["health_finance"] = ("Health finance", "卫生经费"), ["elderly_care"] = ("Elderly care", "老年健康"),
        ["disease_control"] = ("Disease control", "疾病防控"), ["digital_health"] = ("Digital health", "数字健康"), ["medical_insurance"] = ("Medical insurance", "医疗保障"),
        ["health_promotion"] = ("Health promotion", "健康促进"), ["health_outcomes"] = ("Health outcomes", "健康结果"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> Units = new()
    {
        ["count"] = ("", "个"), ["percent"] = ("%", "%"), ["people"] = ("people", "人"), ["CNY"] = ("yuan", "元"), ["years"] = ("years", "年"),
        ["per_1000"] = ("per 1,000", "每千人"), ["per_10k"] = ("per 10,000", "每万人"), ["per_100k"] = ("per 100,000", "每十万人"),
        ["person_times"] = ("person-times", "人次"), ["days"] = ("days", "天"), ["minutes"] = ("minutes", "分钟"),
        ["percentage_points"] = ("percentage points", "个百分点"), ["rank"] = ("rank", "名次"), ["tonnes"] = ("tonnes", "吨"), ["months"] = ("months", "个月"),
    };

    /// <summary>A unit code in words (percent → %); an unknown unit as its code.</summary>
    public static string Unit(string lang, string unit) => Units.TryGetValue(unit, out var w) ? (lang == "zh" ? w.Zh : w.En) : unit.Replace('_', ' ');

    public static string Get(string lang, string key) => Words.TryGetValue(key, out var w) ? (lang == "zh" ? w.Zh : w.En) : key;

    public static string Format(string lang, string key, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Get(lang, key), args);

    /// <summary>A code of the data (kind, level, category) in words; an unknown code as itself, underscores as spaces.</summary>
    public static string Code(string lang, string code) =>
        Codes.TryGetValue(code, out var w) ? (lang == "zh" ? w.Zh : w.En) : code.Replace('_', ' ');
}
