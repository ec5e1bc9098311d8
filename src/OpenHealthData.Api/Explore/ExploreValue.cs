using System.Globalization;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// A figure's normalised value read the way its qualifier says: "≥ 90%" (AT_LEAST), "≤ 12.8 per 100,000" (AT_MOST),
/// "~ 5" (APPROXIMATE), "1–2" (RANGE), "rank #1" (RANK), the plain number when EXACT. Plain text.
/// </summary>
public static class ExploreValue
{
    public static string Format(ExploreRequest r, Observation o)
    {
        if (o.Qualifier == "RANK") return r.F("qualifier.rank.value", Number(o.Value));
        var number = o.Qualifier == "RANGE" && o.LowerBound is { } low && o.UpperBound is { } high
            ? $"{Number(low)}–{Number(high)}"
            : Number(o.Value);
        var unit = r.Unit(o.Unit);
        var withUnit = unit.Length == 0 ? number : o.Unit == "percent" ? number + unit : r.Zh ? number + unit : $"{number} {unit}";
        return o.Qualifier switch
        {
            "AT_LEAST" => "≥ " + withUnit,
            "AT_MOST" => "≤ " + withUnit,
            "APPROXIMATE" => "~ " + withUnit,
            _ => withUnit,
        };
    }

    /// <summary>The value in words for a sentence: "at least 90%", "至少90%", "about 5", the number when exact.</summary>
    public static string Words(ExploreRequest r, Observation o)
    {
        var plain = Format(r, o).TrimStart('≥', '≤', '~', ' ');
        return o.Qualifier switch
        {
            "AT_LEAST" => r.F("words.at_least", plain),
            "AT_MOST" => r.F("words.at_most", plain),
            "APPROXIMATE" => r.F("words.about", plain),
            _ => plain,
        };
    }

    /// <summary>Whether the value is a bound or an estimate rather than the figure itself (drawn apart on charts).</summary>
    public static bool IsInexact(Observation o) => o.Qualifier is "AT_LEAST" or "AT_MOST" or "APPROXIMATE" or "RANGE";

    /// <summary>A number as people write it: no exponent, at most four decimals, thousands grouped.</summary>
    public static string Number(double value) =>
        value.ToString(Math.Abs(value) >= 1000 && value == Math.Floor(value) ? "#,0" : "#,0.####", CultureInfo.InvariantCulture);
}
