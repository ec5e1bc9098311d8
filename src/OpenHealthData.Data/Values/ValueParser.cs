using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenHealthData.Data.Values;

/// <summary>
/// The one normaliser of written numbers (seed-data/README.md, "Normalisation"): Arabic and Chinese numerals, 万 and 亿,
/// %, ‰, per 10万, ranges (85%–90%, 1-2所), 余/多, minutes and seconds, 第N and 前N. The validator reads
/// <c>valueAsWritten</c> with it and the draft command reads report texts with it.
/// </summary>
public static partial class ValueParser
{
    /// <summary>What may stand between the two numbers of a range: 1-2所, 1—2个, 85%–90%, 3至5个.</summary>
    private const string RangeSeparators = "-–—~～至到";

    /// <summary>
    /// <paramref name="written"/> read as one number (a <c>valueAsWritten</c>: "3.49万张", "12.8/10万", "第一"); what follows
    /// the unit word ("117个县（市、区）", "80%以上") is the noun or a marker and is not read. Null when it does not start with a number.
    /// </summary>
    public static WrittenValue? Parse(string written)
    {
        var trimmed = written.Trim();
        var values = Scan(trimmed);
        return values.Count > 0 && values[0].Start == 0 ? values[0] : null;
    }

    /// <summary>Every number of <paramref name="text"/> in order, two numbers joined by a range separator read as one range.</summary>
    public static List<WrittenValue> Scan(string text)
    {
        var found = new List<WrittenValue>();
        foreach (Match m in Number().Matches(text))
            if ((found.Count == 0 || m.Index >= found[^1].End) && Read(text, m) is { } value) // 10万 of "12.8/10万" is its unit
                found.Add(value);
        return JoinRanges(text, found);
    }

    private static WrittenValue? Read(string text, Match m)
    {
        var digits = m.Groups["num"].Value;
        var chinese = !char.IsAsciiDigit(digits[0]);
        double number;
        if (chinese)
        {
            if (ChineseNumeral.Parse(digits) is not { } n) return null;
            number = n;
        }
        else number = double.Parse(digits, CultureInfo.InvariantCulture);

        number *= m.Groups["mult"].Value switch { "万" => 1e4, "亿" => 1e8, "万亿" => 1e12, _ => 1 };
        var end = m.Index + m.Length;
        var tolerance = 0.0;
        UnitWord unit;
        if (m.Groups["sec"].Success)
        {
            number += double.Parse(m.Groups["sec"].Value, CultureInfo.InvariantCulture) / 60; // 4分20秒 = 4.33 minutes
            tolerance = 0.005; // recorded to two decimals
            unit = UnitWords.At("分钟", 0);
        }
        else
        {
            // One space may stand before the unit word ("102 所", "三百多 个" as the Lüliang and Shanxi texts set them).
            var space = end + 1 < text.Length && text[end] == ' ' && UnitWords.At(text, end + 1).Word.Length > 0 ? 1 : 0;
            unit = UnitWords.At(text, end + space);
            if (unit.Word.Length > 0) end += space + unit.Word.Length;
        }
        if (chinese && unit.Word.Length == 0 && m.Groups["rank"].Length == 0 && !m.Groups["more1"].Success)
            return null; // a Chinese numeral is a figure only with what it counts (三年, 两项) or as a rank (第一)
        return new WrittenValue(text[m.Index..end], m.Index, number, null, unit, m.Groups["rank"].Value,
            m.Groups["more1"].Success || m.Groups["more2"].Success, chinese, tolerance);
    }

    /// <summary>"85%–90%", "1-2所": the first number takes the second's unit; "从84元提高到89元" is two numbers (提高 stands between).</summary>
    private static List<WrittenValue> JoinRanges(string text, List<WrittenValue> values)
    {
        var joined = new List<WrittenValue>();
        for (var i = 0; i < values.Count; i++)
        {
            var low = values[i];
            if (i + 1 < values.Count && values[i + 1] is var high && high.Start == low.End + 1
                && RangeSeparators.Contains(text[low.End]) && low.Rank.Length == 0 && high.Rank.Length == 0
                && (low.Unit.Word.Length == 0 || low.Unit.Word == high.Unit.Word) && low.Value <= high.Value
                && !(text[low.End] == '到' && low.Start > 0 && text[low.Start - 1] == '从'))
            {
                joined.Add(low with { Text = text[low.Start..high.End], Upper = high.Value, Unit = high.Unit, More = low.More || high.More });
                i++;
            }
            else joined.Add(low);
        }
        return joined;
    }

    // rank word, number (Arabic or Chinese), 余/多, 万/亿, 余/多, minutes-and-seconds or a per-population rate.
    [GeneratedRegex(@"(?<rank>第|前)?(?<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?<more1>余|多)?(?<mult>万亿|万|亿)?(?<more2>余|多)?(?:分(?<sec>\d{1,2})秒)?")]
    private static partial Regex Number();
}
