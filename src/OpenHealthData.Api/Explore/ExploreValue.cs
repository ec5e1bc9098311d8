using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// A figure's normalised value read the way its qualifier says: "≥ 90%" (AT_LEAST), "≤ 12.8 per 100,000" (AT_MOST),
/// "~ 5" (APPROXIMATE), "1–2" (RANGE), "rank #1" (RANK), the plain number when EXACT. Plain text, to be escaped.
/// </summary>
public static class ExploreValue
{
    public static string Format(ExploreRequest r, Observation o)
    {
        if (o.Qualifier == "RANK") return r.F("qualifier.rank.value", Html.Number(o.Value));
        var number = o.Qualifier == "RANGE" && o.LowerBound is { } low && o.UpperBound is { } high
            ? $"{Html.Number(low)}–{Html.Number(high)}"
            : Html.Number(o.Value);
        var unit = r.Unit(o.Unit);
        var withUnit = unit.Length == 0 ? number : o.Unit == "percent" ? number + unit : $"{number} {unit}";
        return o.Qualifier switch
        {
            "AT_LEAST" => "≥ " + withUnit,
            "AT_MOST" => "≤ " + withUnit,
            "APPROXIMATE" => "~ " + withUnit,
            _ => withUnit,
        };
    }

    /// <summary>Whether the value is a bound or an estimate rather than the figure itself (drawn apart on charts).</summary>
    public static bool IsInexact(Observation o) => o.Qualifier is "AT_LEAST" or "AT_MOST" or "APPROXIMATE" or "RANGE";
}
