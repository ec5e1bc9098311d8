using OpenHealthData.Data.Drafting;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Drafting;

/// <summary>The draft command's rules, one sentence each, written as the reports write them.</summary>
public sealed class FigureExtractorTests
{
    private static readonly SeedSet Seed = SeedReader.Read(RepoPaths.SeedData);

    private static readonly MetricCatalogue Catalogue = new(Seed.Metrics, Seed.Observations.ToLookup(o => o.MetricCode, o => o.Quote));

    /// <summary>A work summary of a county dated 2024, as Yueqing's (region 330382).</summary>
    private static DraftResult Draft(string text, int reportYear = 2024) =>
        FigureExtractor.Draft(text, new DraftContext("test-source", "330382", reportYear, Seed.Regions, Catalogue));

    private static DraftCandidate One(string text) => Assert.Single(Draft(text).Candidates);

    [Fact]
    public void From_84_to_89_yuan_is_two_figures_the_first_a_year_earlier()
    {
        var c = Draft("全省人均基本公共卫生服务经费从84元提高到89元。", 2023).Candidates;

        Assert.Equal([(84.0, "CNY", 2022, "actual"), (89.0, "CNY", 2023, "actual")], c.Select(x => (x.Value, x.Unit, x.Year, x.Kind)));
        Assert.Equal("basic_public_health_funding_per_capita", c[1].Metric);
    }

    [Fact]
    public void Respectively_gives_each_number_its_unit_and_the_shared_limit()
    {
        var c = Draft("孕产妇死亡率、婴幼儿死亡率分别控制在12.8/10万、5.40‰以内。").Candidates;

        Assert.Equal([(12.8, "per_100k", "AT_MOST", "target"), (5.4, "per_1000", "AT_MOST", "target")],
            c.Select(x => (x.Value, x.Unit, x.Qualifier, x.Kind)));
    }

    [Fact]
    public void A_range_with_its_unit_twice()
    {
        var c = One("免疫规划疫苗接种率保持在85%–90%。");
        Assert.Equal(("RANGE", 85.0, 85.0, 90.0, "percent"), (c.Qualifier, c.Value, c.LowerBound!.Value, c.UpperBound!.Value, c.Unit));
    }

    [Theory]
    [InlineData("新增床位3.49万张。", 34900, "count", "EXACT")]
    [InlineData("千人医师数3.41人。", 3.41, "per_1000", "EXACT")]
    [InlineData("孕产妇死亡率12.8/10万。", 12.8, "per_100k", "EXACT")]
    [InlineData("重点人群签约率达99.24%。", 99.24, "percent", "EXACT")]
    [InlineData("开展义诊300余人次。", 300, "person_times", "AT_LEAST")]
    [InlineData("接种率均达95%以上。", 95, "percent", "AT_LEAST")]
    [InlineData("床位使用率不低于85%。", 85, "percent", "AT_LEAST")]
    [InlineData("服务人口约3万人。", 30000, "people", "APPROXIMATE")]
    [InlineData("服务人口3万人左右。", 30000, "people", "APPROXIMATE")]
    [InlineData("平均急救反应时间小于10分钟。", 10, "minutes", "AT_MOST")]
    [InlineData("综合排名居全省第一。", 1, "rank", "RANK")]
    [InlineData("绩效考核排名居全市第3位。", 3, "rank", "RANK")]
    [InlineData("DRG组数位列省同级别医院前10。", 10, "rank", "AT_MOST")]
    [InlineData("每半年至少召开1次领导小组会议。", 1, "count", "AT_LEAST")]
    public void Reads_value_unit_and_qualifier(string text, double value, string unit, string qualifier)
    {
        var c = One(text);
        Assert.Equal((value, unit, qualifier), (c.Value, c.Unit, c.Qualifier));
        Assert.Contains(c.ValueAsWritten, c.Quote);
        Assert.Contains(c.Quote, text);
    }

    [Theory]
    [InlineData("开通12320卫生热线。", "a telephone hotline")]
    [InlineData("拨打服务热线0577-62345678。", "a telephone hotline")]
    [InlineData("印发《实施方案》(晋卫发〔2023〕12号)。", "a document number")]
    [InlineData("4月21日,全市卫生健康工作会议召开。", "a date")]
    [InlineData("1、加强党的建设。", "list numbering")]
    [InlineData("深入学习党的二十大精神。", "a congress, plenary session or project phase (二十大, 五次全会, 二期)")]
    [InlineData("坚决做到“两个维护”。", "part of a slogan (“两个维护”, “七个加强”)")]
    [InlineData("为65岁以上老年人免费体检。", "an age group (65岁以上老人, 0-3岁儿童)")]
    [InlineData("开展第二批省级健康科普专家遴选。", "an ordinal (第N of a series, not a ranking)")]
    [InlineData("印发《3个专项行动方案》。", "part of a title in 《》")]
    public void Leaves_out_what_is_not_a_figure_and_says_why(string text, string reason)
    {
        var result = Draft(text);
        Assert.Empty(result.Candidates);
        Assert.Contains(reason, result.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public void Ji_in_qianyue_is_not_about()
    {
        var c = One("家庭医生签约率达46.01%。");
        Assert.Equal("EXACT", c.Qualifier);
        Assert.StartsWith("family_doctor_signing_rate", c.Metric, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("基层医疗卫生机构门急诊占比同比提高1.33个百分点。", "change", 1.33)]
    [InlineData("全院出院人数较2022年同期增长66.32%。", "change", 66.32)]
    [InlineData("力争新增省临床重点专科1个。", "target", 1)]
    [InlineData("千人床位数达到4.3张。", "actual", 4.3)]
    public void Kind_from_the_words_of_the_clause(string text, string kind, double value)
    {
        var c = One(text);
        Assert.Equal((kind, value), (c.Kind, c.Value));
    }

    [Fact]
    public void A_change_said_once_holds_for_every_listed_number()
    {
        var c = Draft("手术量和三四级手术量同比增长9.63%、40.04%。").Candidates;
        Assert.All(c, x => Assert.Equal("change", x.Kind));
        Assert.Equal(2, c.Count);
    }

    [Fact]
    public void Year_stated_in_the_sentence_or_inferred_from_the_part_of_the_report()
    {
        var c = Draft("一、2023年工作总结 2023年,全市工作稳步推进。完成投资5.8亿元。二、2024年工作重点 2024年,全市工作继续推进。千人床位数达到4.5张。", 2024).Candidates;

        Assert.Equal([(2023, "INFERRED", "actual"), (2024, "INFERRED", "target")], c.Select(x => (x.Year, x.YearBasis, x.Kind)));
        Assert.All(c, x => Assert.False(string.IsNullOrEmpty(x.Note)));
        var stated = One("2024年全省引进博士179名。");
        Assert.Equal((2024, "STATED"), (stated.Year, stated.YearBasis));
        var goal = One("到2025年,县域就诊率达到90%以上。");
        Assert.Equal((2025, "STATED", "target", "AT_LEAST"), (goal.Year, goal.YearBasis, goal.Kind, goal.Qualifier));
    }

    [Fact]
    public void A_national_figure_is_filed_under_the_country()
    {
        var c = One("长治市成功入选中央财政支持15个中医药传承创新发展示范试点项目。");
        Assert.Equal("100000", c.Region);
        Assert.Equal("330382", One("新增ICU床位40张。").Region);
    }

    [Fact]
    public void Every_candidate_says_why_and_drafts_pass_the_validators_value_rules()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.SeedData, "sources", "yueqing-2023-work-summary.txt"));
        foreach (var c in Draft(text).Candidates)
        {
            Assert.NotEmpty(c.Why);
            Assert.Contains(c.Quote, text);
            Assert.Contains(c.ValueAsWritten, c.Quote);
            Assert.Contains(c.Quote, c.Sentence);
            Assert.True(c.MetricSuggestions.Count <= 3);
        }
    }

    [Fact]
    public void The_draft_file_is_one_candidate_a_line_in_the_seed_fields_order()
    {
        var c = One("千人医师数3.41人。");
        var line = DraftFile.Line(c);
        Assert.StartsWith("{\"id\":\"test-source-001\",\"source\":\"test-source\",\"metric\":\"physicians_per_1000\"", line, StringComparison.Ordinal);
        Assert.Contains("\"valueAsWritten\":\"3.41人\",\"quote\":\"千人医师数3.41人\"", line, StringComparison.Ordinal);
        Assert.Contains("\"why\":[", line, StringComparison.Ordinal);
    }
}
