using System.Text.RegularExpressions;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Data.Seeding;

/// <summary>
/// The rules of seed format v2 (seed-data/README.md): qualifiers and bounds, limits and goals filed as results,
/// year basis, ranks, dimensions, scope and base metrics. Each error names the field to fix.
/// </summary>
internal static partial class ObservationRules
{
    /// <summary>Words before a number that make it a bound or an approximation (looked for in the 4 characters before it).</summary>
    public static readonly IReadOnlyList<string> MarkersBefore = ["约", "近", "大约", "超过", "不低于", "不少于", "不超过", "小于", "低于", "控制在", "逾"];

    /// <summary>Words after a number that make it a bound or an approximation (looked for in the 3 characters after it).</summary>
    public static readonly IReadOnlyList<string> MarkersAfter = ["余", "多", "以上", "以内", "左右", "以下"];

    /// <summary>Words that contain a marker but do not qualify a number (签约率 is a signing rate, not "about").</summary>
    public static readonly IReadOnlyList<string> NotMarkers = ["签约", "预约", "履约", "节约", "制约", "合约", "契约", "约束", "约谈", "近年", "近期", "最近", "附近"];

    /// <summary>Words of a goal or a limit: an <c>actual</c> figure should not be said with them.</summary>
    public static readonly IReadOnlyList<string> GoalWords = ["控制在", "力争", "确保", "目标", "以内"];

    private const int BeforeWindow = 4;
    private const int AfterWindow = 3;

    /// <summary>Rules 1, 2 and 5: a known qualifier, bounds for a range only, no marker next to an EXACT number, ranks in unit rank.</summary>
    public static void Qualifier(JsonRecord r, Observation o)
    {
        if (o.Qualifier.Length == 0) return; // reported as missing
        if (!Vocabulary.Qualifiers.Contains(o.Qualifier))
        {
            SeedValidator.OneOf(r, "qualifier", o.Qualifier, Vocabulary.Qualifiers);
            return;
        }

        if (o.Qualifier == "RANGE")
        {
            if (o.LowerBound is null) r.Error("lowerBound", "is required for qualifier RANGE");
            if (o.UpperBound is null) r.Error("upperBound", "is required for qualifier RANGE");
            if (o.LowerBound is { } low && o.UpperBound is { } high)
            {
                if (low > high) r.Error("lowerBound", $"{low} is above upperBound {high}");
                if (o.Value != low) r.Error("value", $"{o.Value} must equal lowerBound {low} for qualifier RANGE (value holds the lower bound)");
            }
        }
        else
        {
            if (o.LowerBound is not null) r.Error("lowerBound", $"is only allowed with qualifier RANGE, not {o.Qualifier}");
            if (o.UpperBound is not null) r.Error("upperBound", $"is only allowed with qualifier RANGE, not {o.Qualifier}");
        }

        if (o.Unit == "rank" && o.Qualifier is not ("RANK" or "AT_MOST"))
            r.Error("qualifier", $"{o.Qualifier} does not go with unit rank: a position is RANK, a \"top N\" is AT_MOST");
        if (o.Qualifier == "RANK" && o.Unit.Length > 0 && o.Unit != "rank")
            r.Error("unit", $"\"{o.Unit}\" does not go with qualifier RANK: a rank has unit rank");

        if (o.Qualifier == "EXACT" && !Waived(o, "qualifier") && MarkerNextToNumber(o) is { } marker)
            r.Error("qualifier", $"is EXACT but {marker}; set the qualifier (APPROXIMATE, AT_LEAST, AT_MOST …) or give reviewedExceptions.qualifier the reason it is exact");
    }

    /// <summary>Where a qualifier marker sits: in valueAsWritten, or right before or after it in the quote; null when nowhere.</summary>
    public static string? MarkerNextToNumber(Observation o)
    {
        foreach (var marker in MarkersBefore.Concat(MarkersAfter))
            if (o.ValueAsWritten.Contains(marker, StringComparison.Ordinal))
                return $"valueAsWritten \"{o.ValueAsWritten}\" has \"{marker}\"";
        if (o.ValueAsWritten.Length == 0) return null;
        for (var at = o.Quote.IndexOf(o.ValueAsWritten, StringComparison.Ordinal); at >= 0;
             at = o.Quote.IndexOf(o.ValueAsWritten, at + 1, StringComparison.Ordinal))
        {
            // One character more on each side, so that a non-marker word cut by the window is still recognised.
            var wideBefore = WithoutNotMarkers(o.Quote[Math.Max(0, at - BeforeWindow - 1)..at]);
            var before = wideBefore[Math.Max(0, wideBefore.Length - BeforeWindow)..];
            var end = at + o.ValueAsWritten.Length;
            var after = WithoutNotMarkers(o.Quote[end..Math.Min(o.Quote.Length, end + AfterWindow + 1)])[..Math.Min(AfterWindow, o.Quote.Length - end)];
            if (MarkersBefore.FirstOrDefault(m => before.Contains(m, StringComparison.Ordinal)) is { } b)
                return $"the quote has \"{b}\" before \"{o.ValueAsWritten}\"";
            if (MarkersAfter.FirstOrDefault(m => after.Contains(m, StringComparison.Ordinal)) is { } a)
                return $"the quote has \"{a}\" after \"{o.ValueAsWritten}\"";
        }
        return null;
    }

    /// <summary>The text with every non-marker word blanked out, keeping its length.</summary>
    private static string WithoutNotMarkers(string text) =>
        NotMarkers.Aggregate(text, (t, word) => t.Replace(word, new string('□', word.Length), StringComparison.Ordinal));

    /// <summary>Rule 3: a figure said with a goal or limit word is not an <c>actual</c>, unless a reviewer says why.</summary>
    public static void Kind(JsonRecord r, Observation o)
    {
        if (o.Kind == "actual" && !Waived(o, "kind") && GoalWords.FirstOrDefault(w => o.Quote.Contains(w, StringComparison.Ordinal)) is { } word)
            r.Error("kind", $"is actual but the quote says \"{word}\" (a goal or a limit): make it a target, or give reviewedExceptions.kind the reason it was achieved");
    }

    /// <summary>Rule 4: STATED or INFERRED, and an inferred year says its rule in the note.</summary>
    public static void YearBasis(JsonRecord r, Observation o)
    {
        if (o.YearBasis.Length == 0) return; // reported as missing
        SeedValidator.OneOf(r, "yearBasis", o.YearBasis, Vocabulary.YearBases);
        if (o.YearBasis == "INFERRED" && string.IsNullOrWhiteSpace(o.Note))
            r.Error("note", "is required when yearBasis is INFERRED: say the rule by which the year was chosen");
    }

    /// <summary>Only known rules can be waived, and only with a reason.</summary>
    public static void ReviewedExceptions(JsonRecord r, Observation o)
    {
        if (o.ReviewedExceptions is null) return;
        foreach (var (rule, _) in Model.Dimensions.Parse(o.ReviewedExceptions))
            if (!Vocabulary.ReviewableRules.Contains(rule))
                r.Error("reviewedExceptions", $"\"{rule}\" is not a rule that can be waived; use one of: {string.Join(", ", Vocabulary.ReviewableRules)}");
    }

    /// <summary>Rule 6: every dimension declared by the metric, every value among its allowed values.</summary>
    public static void Dimensions(JsonRecord r, string dimensions, Metric metric)
    {
        var declared = Model.Dimensions.ParseAllowed(metric.Dimensions);
        foreach (var (name, value) in Model.Dimensions.Parse(dimensions))
        {
            if (!declared.TryGetValue(name, out var allowed))
                r.Error("dimensions", declared.Count == 0
                    ? $"\"{name}\" is not a dimension of metric '{metric.Code}', which declares none"
                    : $"\"{name}\" is not a dimension of metric '{metric.Code}'; it declares: {string.Join(", ", declared.Keys)}");
            else if (!allowed.Contains(value))
                r.Error("dimensions", $"\"{value}\" is not an allowed value of dimension \"{name}\" of metric '{metric.Code}': {string.Join(", ", allowed)}");
        }
    }

    /// <summary>Rule 7: a figure of an institution-scope metric names its institution.</summary>
    public static void Scope(JsonRecord r, Observation o, Metric metric)
    {
        if (metric.Scope == MetricScopes.Institution && o.InstitutionId is null)
            r.Error("institution", $"is required: metric '{metric.Code}' has scope institution (a figure about one institution)");
    }

    /// <summary>A part names a total of the same report and unit, not itself, and is not larger than it.</summary>
    public static void PartOf(JsonRecord r, Observation part, Observation total)
    {
        if (total.Id == part.Id) r.Error("partOf", "is the record itself");
        else if (total.SourceId != part.SourceId) r.Error("partOf", $"'{total.Id}' is a figure of another report ({total.SourceId}): a part and its total come from one text");
        else if (total.Unit != part.Unit) r.Error("partOf", $"'{total.Id}' is in {total.Unit}, this part in {part.Unit}: a part is counted in its total's unit (a share is not a part)");
        else if (part.Value > total.Value && total.Qualifier is "EXACT" or "AT_LEAST" or "APPROXIMATE")
            r.Error("partOf", $"this part ({part.Value}) is larger than its total '{total.Id}' ({total.Value})");
    }

    /// <summary>A metric's declared dimensions: snake_case names and values, at least one value each.</summary>
    public static void MetricDimensions(JsonRecord r, Metric m)
    {
        foreach (var (name, values) in Model.Dimensions.ParseAllowed(m.Dimensions))
        {
            if (!SnakeCase().IsMatch(name)) r.Error("dimensions", $"\"{name}\" is not a snake_case name");
            if (values.Count == 0) r.Error("dimensions", $"\"{name}\" lists no allowed values");
            foreach (var value in values.Where(v => !SnakeCase().IsMatch(v)))
                r.Error("dimensions", $"\"{value}\" (of \"{name}\") is not a snake_case value");
            foreach (var value in values.GroupBy(v => v).Where(g => g.Count() > 1))
                r.Error("dimensions", $"\"{value.Key}\" (of \"{name}\") is listed twice");
        }
    }

    /// <summary>Rule 8: baseMetric names a metric (not itself); a growth or change metric has one.</summary>
    public static void BaseMetric(JsonRecord r, Metric m, Func<string, bool> isMetric)
    {
        if (m.BaseMetricCode is { } code)
        {
            if (code == m.Code) r.Error("baseMetric", "is the metric itself");
            else if (!isMetric(code)) r.Error("baseMetric", $"refers to unknown metric \"{code}\"");
        }
        else if (m.Code.EndsWith("_growth", StringComparison.Ordinal) || m.Code.EndsWith("_change", StringComparison.Ordinal))
            r.Error("baseMetric", "is required for a …_growth or …_change metric: the code of the metric whose change it is");
    }

    private static bool Waived(Observation o, string rule) =>
        o.ReviewedExceptions is not null && Model.Dimensions.Parse(o.ReviewedExceptions).Any(p => p.Key == rule);

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
