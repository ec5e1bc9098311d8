namespace OpenHealthData.Data.Values;

/// <summary>The words after a number, longest first, and the units each can stand for (seed-data/README.md, "Units").</summary>
public static class UnitWords
{
    private static readonly string[] Densities = ["per_1000", "per_10k", "per_100k"];

    /// <summary>Units a counted thing may be filed in: the count itself, or a density ("千人床位数4.06张").</summary>
    private static readonly HashSet<string> Counted = ["count", "people", "person_times", .. Densities];

    /// <summary>Measure words of things counted (个 项 家 …); a counted figure may also be persons (937个…老人) or a density.</summary>
    private const string CountWords =
        "个 家 所 张 项 件 例 起 场 台 条 类 辆 户 次 期 份 座 支 批 篇 部 套 处 间 种 队 组 床 轮 本 册 栋 株 大 方面 县 市 区 乡镇 村 届 季 轮次 批次 份次 单 宗 箱 剂 剂次 台次 架";

    /// <summary>Every unit word, longest first so that 人次 wins over 人 and 个百分点 over 个.</summary>
    public static readonly IReadOnlyList<UnitWord> All = Build();

    /// <summary>The unit word for a number written without one (5.58 of "5.58和6.32个百分点", 26万 of "体检26万"): any unit.</summary>
    public static readonly UnitWord None = new("", "count", Vocabulary());

    private static List<UnitWord> Build()
    {
        var words = new List<UnitWord>
        {
            new("%", "percent", Set("percent")), new("％", "percent", Set("percent")),
            new("‰", "per_1000", Set("per_1000")),
            new("/10万", "per_100k", Set("per_100k")), new("/十万", "per_100k", Set("per_100k")),
            new("/万", "per_10k", Set("per_10k")), new("/千", "per_1000", Set("per_1000")),
            new("个百分点", "percentage_points", Set("percentage_points")), new("百分点", "percentage_points", Set("percentage_points")),
            new("元", "CNY", Set("CNY")),
            new("人次", "person_times", Set("person_times")),
            new("人", "people", Counted), new("名", "people", Counted), new("位", "people", Counted),
            new("周岁", "years", Set("years")), new("岁", "years", Set("years")), new("年", "years", Set("years")),
            new("个月", "months", Set("months")), new("天", "days", Set("days")), new("个工作日", "days", Set("days")),
            new("小时", "hours", Set("hours")), new("分钟", "minutes", Set("minutes")), new("秒", "minutes", Set("minutes")),
            new("吨", "tonnes", Set("tonnes")),
            new("平方米", "square_metres", Set("square_metres")), new("平米", "square_metres", Set("square_metres")), new("㎡", "square_metres", Set("square_metres")),
            new("强", "rank", Set("rank")), new("名次", "rank", Set("rank")),
        };
        words.AddRange(CountWords.Split(' ').Select(w => new UnitWord(w, "count", Counted)));
        return [.. words.OrderByDescending(w => w.Word.Length)];
    }

    /// <summary>The longest unit word at <paramref name="at"/> of <paramref name="text"/>; <see cref="None"/> when none.</summary>
    public static UnitWord At(string text, int at)
    {
        foreach (var w in All)
            if (string.CompareOrdinal(text, at, w.Word, 0, w.Word.Length) == 0) return w;
        return None;
    }

    /// <summary>
    /// The density a count is written in, from the words before it: 千人/每千 → per_1000, 每万/万人 → per_10k,
    /// 十万 → per_100k ("医疗机构每万名老年人康复护理床位数达48张" is 48 per 10,000); null when none.
    /// </summary>
    public static string? DensityBefore(string before)
    {
        string? found = null;
        var foundAt = -1;
        foreach (var (word, unit) in DensityWords) // the widest first; what a word covers is not read again (十万 holds 万)
        {
            var at = before.LastIndexOf(word, StringComparison.Ordinal);
            if (at < 0) continue;
            if (at > foundAt) (found, foundAt) = (unit, at);
            before = before.Replace(word, new string('□', word.Length), StringComparison.Ordinal);
        }
        return found;
    }

    private static readonly (string Word, string Unit)[] DensityWords =
    [
        ("每十万", "per_100k"), ("十万人", "per_100k"),
        ("每千", "per_1000"), ("千人", "per_1000"), ("千名", "per_1000"), ("千户", "per_1000"),
        ("每万", "per_10k"), ("万人口", "per_10k"), ("万名", "per_10k"),
    ];

    /// <summary>How many people a density counts per: per_1000 → 1000.</summary>
    public static double Denominator(string unit) => unit switch
    {
        "per_1000" => 1_000, "per_10k" => 10_000, "per_100k" => 100_000, _ => 1,
    };

    public static bool IsDensity(string unit) => Densities.Contains(unit);

    private static HashSet<string> Set(params string[] units) => [.. units];

    private static HashSet<string> Vocabulary() => [.. Model.Vocabulary.Units];
}
