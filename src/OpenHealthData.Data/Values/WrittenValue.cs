namespace OpenHealthData.Data.Values;

/// <summary>
/// One number as a report writes it, read by <see cref="ValueParser"/>: <c>3.49万张</c> is 34900 with unit word 张,
/// <c>85%–90%</c> is 85 up to 90, <c>300余人</c> is at least 300, <c>第一</c> is rank 1.
/// </summary>
/// <param name="Text">The characters read, as written (from the rank word or number to the unit word).</param>
/// <param name="Start">Where <paramref name="Text"/> starts in the text read.</param>
/// <param name="Value">The number, expanded (万 ×10⁴, 亿 ×10⁸); the lower bound of a range.</param>
/// <param name="Upper">The upper bound of a range; null for one number.</param>
/// <param name="Unit">The unit word after the number (<see cref="UnitWords.None"/> when none).</param>
/// <param name="Rank">第 (a position) or 前 (a "top N"); empty when neither.</param>
/// <param name="More">余 or 多 written with the number: "at least".</param>
/// <param name="Chinese">Written in Chinese numerals (三, 两, 百).</param>
/// <param name="Tolerance">How far a recorded value may be from <paramref name="Value"/>: 0 except for minutes and seconds, kept to two decimals.</param>
public sealed record WrittenValue(
    string Text, int Start, double Value, double? Upper, UnitWord Unit, string Rank, bool More, bool Chinese, double Tolerance)
{
    public int End => Start + Text.Length;

    public bool IsRange => Upper is not null;

    /// <summary>The units a record of this number may have.</summary>
    public IReadOnlySet<string> Units => Rank.Length > 0 ? RankOnly : Unit.Units;

    /// <summary>The unit a draft gives it.</summary>
    public string DraftUnit => Rank.Length > 0 ? "rank" : Unit.DraftUnit;

    /// <summary>The qualifier the written form itself says (without the words around it), null when it says none.</summary>
    public string? Qualifier =>
        IsRange ? "RANGE"
        : Rank == "第" ? "RANK"
        : Rank == "前" || Unit.Word == "强" ? "AT_MOST"
        : More ? "AT_LEAST"
        : null;

    /// <summary>Whether <paramref name="recorded"/> is this number (within <see cref="Tolerance"/>, or a floating-point rounding).</summary>
    public static bool Same(double recorded, double written, double tolerance) =>
        Math.Abs(recorded - written) <= Math.Max(tolerance, 1e-9 * Math.Max(1, Math.Abs(written)));

    private static readonly HashSet<string> RankOnly = ["rank"];
}
