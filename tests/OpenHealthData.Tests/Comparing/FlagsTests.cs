using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Tests.Comparing;

/// <summary>Per-figure flags are derived from the record, its report and the other records (one definition: Flags).</summary>
public sealed class FlagsTests
{
    private static readonly Source Notice = new()
    {
        Id = "s", FileName = "s.txt", Text = "", Title = "t", TitleEn = "t", Publisher = "p", PublisherEn = "p", IssuingBody = "i", IssuingBodyEn = "i",
        RegionCode = "360000", Date = "2024-10-21", PeriodStart = 2024, PeriodEnd = 2024,
    };

    private static Observation O(string id, int year = 2024, string kind = "actual", string qualifier = "EXACT", string basis = "INFERRED", string sentence = "全省居民健康素养水平提升至30.13%。",
        double value = 30.13, string? institution = null, string? partOf = null) => new()
    {
        Id = id, SourceId = "s", MetricCode = "m", RegionCode = "360000", Year = year, Kind = kind, Qualifier = qualifier, YearBasis = basis, Value = value,
        Unit = "percent", ValueAsWritten = "30.13%", Quote = "30.13%", QuoteEn = "30.13%", Sentence = sentence, InstitutionId = institution, PartOf = partOf,
    };

    [Theory]
    [InlineData("undated", new[] { "inferred_year", "report_year" })]
    [InlineData("stated", new string[0])]
    [InlineData("floor", new[] { "bound" })]
    [InlineData("goal", new[] { "inferred_year", "bound", "target" })]
    [InlineData("to date", new[] { "partial_period" })]
    [InlineData("project's early stage", new string[0])]
    [InlineData("hospital part", new[] { "institution", "part" })]
    public void A_figure_gets_the_flags_its_record_calls_for(string @case, string[] expected)
    {
        var o = @case switch
        {
            "undated" => O("a"),
            "stated" => O("a", basis: "STATED"),
            "floor" => O("a", basis: "STATED", qualifier: "AT_LEAST"),
            "goal" => O("a", year: 2025, kind: "target", qualifier: "AT_MOST"),
            "to date" => O("a", basis: "STATED", sentence: "截至目前,全省三类监测对象签约率达99.24%。"),
            "project's early stage" => O("a", basis: "STATED", sentence: "医院新外科大楼等项目前期工作加速推进。"),
            _ => O("a", basis: "STATED", institution: "h", partOf: "b"),
        };
        Assert.Equal(expected, Flags.Of(o, Notice, restated: false));
    }

    [Fact]
    public void The_same_value_as_another_kind_or_year_is_restated_and_flags_are_stored_as_json()
    {
        var result = O("a", year: 2023, basis: "STATED");
        var plan = O("b", year: 2024, kind: "target", basis: "STATED");
        var other = O("c", year: 2023, basis: "STATED", value: 12);
        Flags.Assign([result, plan, other], _ => Notice);
        Assert.Equal(["restated"], Flags.Read(result));
        Assert.Equal("""["target","restated"]""", plan.Flags);
        Assert.Equal("[]", other.Flags);
    }
}
