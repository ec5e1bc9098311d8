namespace OpenHealthData.Data.Values;

/// <summary>Chinese numerals as the reports write them: 三 → 3, 两 → 2, 十二 → 12, 三百 → 300, 百 → 100, 一千二百 → 1200.</summary>
public static class ChineseNumeral
{
    /// <summary>The characters a Chinese numeral is written with (digits and the 十/百/千 place words; 万 and 亿 are multipliers, read by <see cref="ValueParser"/>).</summary>
    public const string Characters = "零〇一二两三四五六七八九十百千";

    /// <summary>The number, or null when <paramref name="text"/> is empty or not a well-formed numeral.</summary>
    public static long? Parse(string text)
    {
        if (text.Length == 0) return null;
        long total = 0, digit = -1;
        var lastPlace = long.MaxValue;
        foreach (var c in text)
        {
            var d = Digit(c);
            if (d == 0) { digit = -1; continue; } // 一百零五: 零 only says a place is skipped
            if (d > 0)
            {
                if (digit > 0) return null; // two digits in a row: 二三 is not a numeral
                digit = d;
                continue;
            }
            var place = Place(c);
            if (place == 0 || place >= lastPlace) return null; // 百百, 十百: places must fall
            total += (digit < 0 ? 1 : digit) * place; // 十 alone is 10, 百 alone is 100
            digit = -1;
            lastPlace = place;
        }
        if (digit > 0) total += digit;
        return total == 0 && !text.All(c => Digit(c) == 0) ? null : total;
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
        _ => -1,
    };

    private static long Place(char c) => c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
}
