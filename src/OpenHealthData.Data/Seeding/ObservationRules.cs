using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using OpenHealthData.Data.Model;
using OpenHealthData.Data.Values;

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
    public static readonly IReadOnlyList<string> NotMarkers = ["签约", "预约", "履约", "违约", "节约", "制约", "合约", "契约", "约束", "约谈", "近年", "近期", "最近", "附近"];

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
        foreach (var markers in (ReadOnlySpan<IReadOnlyList<string>>)[MarkersBefore, MarkersAfter])
            foreach (var marker in markers)
                if (o.ValueAsWritten.Contains(marker, StringComparison.Ordinal))
                    return $"valueAsWritten \"{o.ValueAsWritten}\" has \"{marker}\"";
        if (o.ValueAsWritten.Length == 0) return null;
        for (var at = o.Quote.IndexOf(o.ValueAsWritten, StringComparison.Ordinal); at >= 0;
             at = o.Quote.IndexOf(o.ValueAsWritten, at + 1, StringComparison.Ordinal))
        {
            var (marker, before) = MarkerAround(o.Quote, at, at + o.ValueAsWritten.Length);
            if (marker is not null)
                return $"the quote has \"{marker}\" {(before ? "before" : "after")} \"{o.ValueAsWritten}\"";
        }
        return null;
    }

    /// <summary>
    /// The marker in the 4 characters before <paramref name="start"/> or the 3 after <paramref name="end"/> of
    /// <paramref name="text"/>, words that merely contain one (签约) left out; whether it stands before; (null, false) when none.
    /// </summary>
    public static (string? Marker, bool Before) MarkerAround(string text, int start, int end)
    {
        // One character more on each side, so that a non-marker word cut by the window is still recognised.
        var wideBefore = WithoutNotMarkers(text[Math.Max(0, start - BeforeWindow - 1)..start]);
        var before = wideBefore[Math.Max(0, wideBefore.Length - BeforeWindow)..];
        var after = WithoutNotMarkers(text[end..Math.Min(text.Length, end + AfterWindow + 1)])[..Math.Min(AfterWindow, text.Length - end)];
        if (MarkersBefore.FirstOrDefault(m => before.Contains(m, StringComparison.Ordinal)) is { } b) return (b, true);
        if (MarkersAfter.FirstOrDefault(m => after.Contains(m, StringComparison.Ordinal)) is { } a) return (a, false);
        return (null, false);
    }

    /// <summary>The qualifier a marker says (seed-data/README.md, "Qualifiers").</summary>
    public static string QualifierOf(string marker) => marker switch
    {
        "约" or "近" or "大约" or "左右" => "APPROXIMATE",
        "余" or "多" or "以上" or "超过" or "不低于" or "不少于" or "逾" => "AT_LEAST",
        _ => "AT_MOST",
    };

    /// <summary>Words of a decrease: a <c>change</c> said with one may be recorded as a negative value ("缩短4分20秒" → -4.33).</summary>
    public static readonly IReadOnlyList<string> DecreaseWords = ["下降", "降低", "减少", "缩短", "下调", "减"];

    /// <summary>
    /// Rule 9 (issue 22): valueAsWritten is read by the one normaliser (<see cref="ValueParser"/>) and must say
    /// <c>value</c> (the lower bound of a range, and <c>upperBound</c>) in <c>unit</c>. A count written per 10,000 and
    /// filed per 1,000 is converted by the density its quote names; a change written as a decrease may be negative.
    /// </summary>
    public static void Value(JsonRecord r, Observation o)
    {
        if (o.ValueAsWritten.Length == 0 || o.Unit.Length == 0) return; // reported as missing
        if (ValueParser.Parse(o.ValueAsWritten) is not { } written)
        {
            r.Error("valueAsWritten", $"\"{o.ValueAsWritten}\" does not start with a number (Arabic or Chinese numerals, 第N or 前N)");
            return;
        }
        var factor = 1.0;
        if (UnitWords.IsDensity(o.Unit) && UnitWords.IsDensity(written.DraftUnit))
            factor = UnitWords.Denominator(o.Unit) / UnitWords.Denominator(written.DraftUnit); // 12.8/10万 = 0.128 per 1,000
        else if (UnitWords.IsDensity(o.Unit) && written.Unit.Units.Contains("count"))
        {
            var at = o.Quote.IndexOf(o.ValueAsWritten, StringComparison.Ordinal);
            if (at >= 0 && UnitWords.DensityBefore(o.Quote[..at]) is { } writtenIn)
                factor = UnitWords.Denominator(o.Unit) / UnitWords.Denominator(writtenIn); // 48 per 10,000 = 4.8 per 1,000
        }
        else if (!written.Units.Contains(o.Unit))
        {
            r.Error("unit", $"\"{o.Unit}\" is not a unit \"{o.ValueAsWritten}\" can be in ({string.Join(", ", written.Units.Order(StringComparer.Ordinal))})");
            return;
        }

        var sign = o.Kind == "change" && o.Value < 0 && DecreaseWords.Any(w => o.Quote.Contains(w, StringComparison.Ordinal)) ? -1 : 1;
        // Written out only for an error: the validation of a million figures is otherwise free of new text.
        string Says() => $"\"{o.ValueAsWritten}\" says {Format(written.Value * factor)}" + (written.Upper is { } u ? $" to {Format(u * factor)}" : "") + $" {o.Unit}";
        if (o.Qualifier == "RANGE")
        {
            if (written.Upper is not { } upper) r.Error("qualifier", $"is RANGE but valueAsWritten \"{o.ValueAsWritten}\" is one number, not a range");
            else
            {
                if (o.LowerBound is { } low && !WrittenValue.Same(low, written.Value * factor, written.Tolerance))
                    r.Error("lowerBound", $"{Format(low)} is not what valueAsWritten {Says()}");
                if (o.UpperBound is { } high && !WrittenValue.Same(high, upper * factor, written.Tolerance))
                    r.Error("upperBound", $"{Format(high)} is not what valueAsWritten {Says()}");
            }
        }
        else if (!WrittenValue.Same(sign * o.Value, written.Value * factor, written.Tolerance))
            r.Error("value", $"{Format(o.Value)} is not what valueAsWritten {Says()}");
    }

    private static string Format(double d) => d.ToString("0.################", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text with every non-marker word blanked out, keeping its length.</summary>
    private static string WithoutNotMarkers(string text)
    {
        for (var i = 0; i < NotMarkers.Count; i++) text = text.Replace(NotMarkers[i], Blanks[i], StringComparison.Ordinal); // the same string when absent
        return text;
    }

    /// <summary>What each non-marker word is blanked out with.</summary>
    private static readonly string[] Blanks = [.. NotMarkers.Select(word => new string('□', word.Length))];

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
        if (dimensions == Model.Dimensions.None) return;
        var declared = Parsed(Declarations, metric.Dimensions, Model.Dimensions.ParseAllowed);
        foreach (var (name, value) in Parsed(Pairs, dimensions, Model.Dimensions.Parse))
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

    // Metrics' declarations and figures' dimensions, parsed once per distinct text: a million figures share a few hundred
    // texts, and parsing them again for each figure was much of what the validation of a million figures allocated.
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Declarations = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> Pairs = new(StringComparer.Ordinal);
    private const int MaxParsed = 10_000; // texts kept per kind: the seed data has far fewer; any more are parsed each time

    private static T Parsed<T>(ConcurrentDictionary<string, T> parsed, string canonical, Func<string, T> parse) =>
        parsed.TryGetValue(canonical, out var known) ? known
        : parsed.Count < MaxParsed ? parsed.GetOrAdd(canonical, parse)
        : parse(canonical);

    private static bool Waived(Observation o, string rule) =>
        o.ReviewedExceptions is not null && Model.Dimensions.Parse(o.ReviewedExceptions).Any(p => p.Key == rule);

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
