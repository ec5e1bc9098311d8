using OpenHealthData.Data.Values;

namespace OpenHealthData.Tests.Values;

/// <summary>The one normaliser of written numbers: every rule of seed-data/README.md "Normalisation", as the reports write them.</summary>
public sealed class ValueParserTests
{
    public static TheoryData<string, double, double?, string, string?> Written => new()
    {
        // as written, value, upper bound of a range, the unit a draft gives it, the qualifier the written form says
        { "90.45%", 90.45, null, "percent", null },
        { "5.35‰", 5.35, null, "per_1000", null },
        { "12.8/10万", 12.8, null, "per_100k", null },
        { "3.49万张", 34900, null, "count", null },
        { "5.8亿元", 580_000_000, null, "CNY", null },
        { "1801.41万元", 18_014_100, null, "CNY", null },
        { "1.2万人次", 12000, null, "person_times", null },
        { "3034人", 3034, null, "people", null },
        { "1.33个百分点", 1.33, null, "percentage_points", null },
        { "81.37岁", 81.37, null, "years", null },
        { "6个月", 6, null, "months", null },
        { "4.25吨", 4.25, null, "tonnes", null },
        { "4分20秒", 4 + 20 / 60.0, null, "minutes", null },
        { "85%–90%", 85, 90, "percent", "RANGE" },
        { "1-2所", 1, 2, "count", "RANGE" },
        { "1—2个", 1, 2, "count", "RANGE" },
        { "3至5个", 3, 5, "count", "RANGE" },
        { "300余人", 300, null, "people", "AT_LEAST" },
        { "2.8万余名", 28000, null, "people", "AT_LEAST" },
        { "90余万元", 900_000, null, "CNY", "AT_LEAST" },
        { "2000多人次", 2000, null, "person_times", "AT_LEAST" },
        { "三百多 个", 300, null, "count", "AT_LEAST" },
        { "102 所", 102, null, "count", null },
        { "三个", 3, null, "count", null },
        { "两项", 2, null, "count", null },
        { "十二个", 12, null, "count", null },
        { "一千二百人", 1200, null, "people", null },
        { "七年", 7, null, "years", null },
        { "九大举措", 9, null, "count", null },
        { "117个县（市、区）", 117, null, "count", null },
        { "第一", 1, null, "rank", "RANK" },
        { "第3位", 3, null, "rank", "RANK" },
        { "第3名", 3, null, "rank", "RANK" },
        { "前10", 10, null, "rank", "AT_MOST" },
        { "百强", 100, null, "rank", "AT_MOST" },
        { "5.58", 5.58, null, "count", null },
        { "26万", 260_000, null, "count", null },
    };

    [Theory]
    [MemberData(nameof(Written))]
    public void Reads_a_written_number(string written, double value, double? upper, string unit, string? qualifier)
    {
        var read = ValueParser.Parse(written);

        Assert.NotNull(read);
        Assert.Equal(value, read.Value, 9);
        Assert.Equal(upper, read.Upper);
        Assert.Equal(unit, read.DraftUnit);
        Assert.Equal(qualifier, read.Qualifier);
    }

    [Theory]
    [InlineData("")]
    [InlineData("约")]
    [InlineData("百分之")]
    [InlineData("二三个")]
    [InlineData("三")]
    public void Refuses_what_is_not_a_number(string written) => Assert.Null(ValueParser.Parse(written));

    [Fact]
    public void From_84_to_89_yuan_is_two_figures_not_a_range()
    {
        var values = ValueParser.Scan("全省人均基本公共卫生服务经费从84元提高到89元");

        Assert.Equal([("84元", 84.0), ("89元", 89.0)], values.Select(v => (v.Text, v.Value)));
        Assert.All(values, v => Assert.False(v.IsRange));
    }

    [Fact]
    public void Respectively_lists_each_figure_with_its_own_unit()
    {
        const string text = "孕产妇死亡率、婴幼儿死亡率分别控制在12.8/10万、5.40‰以内";
        var values = ValueParser.Scan(text);

        Assert.Equal([("12.8/10万", "per_100k"), ("5.40‰", "per_1000")], values.Select(v => (v.Text, v.DraftUnit)));
        Assert.All(values, v => Assert.Equal(v.Text, text.Substring(v.Start, v.Text.Length)));
    }

    [Fact]
    public void A_range_keeps_its_position_in_the_text()
    {
        var text = "遴选1—2个中心乡镇卫生院";
        var range = Assert.Single(ValueParser.Scan(text));

        Assert.Equal("1—2个", text.Substring(range.Start, range.Text.Length));
    }

    [Theory]
    [InlineData("千人床位数4.06张", "per_1000")]
    [InlineData("每千名老年人医疗机构康复护理床位数达5.3张", "per_1000")]
    [InlineData("医疗机构每万名老年人康复护理床位数达48张", "per_10k")]
    [InlineData("每十万人口", "per_100k")]
    [InlineData("床位数达", null)]
    public void Names_the_density_a_count_is_written_in(string before, string? density) =>
        Assert.Equal(density, UnitWords.DensityBefore(before));

    [Theory]
    [InlineData("三", 3)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("百", 100)]
    [InlineData("一百零五", 105)]
    [InlineData("两千", 2000)]
    [InlineData("〇", 0)]
    public void Reads_chinese_numerals(string numeral, long value) => Assert.Equal(value, ChineseNumeral.Parse(numeral));

    [Theory]
    [InlineData("百百")]
    [InlineData("十百")]
    [InlineData("三四")]
    public void Refuses_malformed_chinese_numerals(string numeral) => Assert.Null(ChineseNumeral.Parse(numeral));
}
