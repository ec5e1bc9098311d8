using System.Text.RegularExpressions;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Data.Values;

namespace OpenHealthData.Data.Drafting;

/// <summary>
/// Drafts observation records from a report's text by the curation rules of seed-data/README.md: every number the
/// normaliser reads is a candidate unless it is a date, a document number, a hotline, list numbering or an ordinal;
/// its qualifier comes from the validator's markers, its kind from the clause and the part of the report, its year from
/// the clause or the part's year, its metric from the catalogue. Each rule that fires is written into <c>why</c>.
/// </summary>
public static partial class FigureExtractor
{
    /// <summary>What ends a clause: the quote of a figure never crosses one.</summary>
    private const string ClauseEnds = "，,。；;：:！？!?\n|";

    private const string SentenceEnds = "。！？!?\n";

    /// <summary>Words of a goal: a figure said with one is a target (seed-data/README.md, "Limits and targets").</summary>
    private static readonly string[] GoalWords = ["力争", "确保", "争取", "目标", "控制在", "力求", "要达到", "计划"];

    /// <summary>A change verb right before a number: "同比提高1.33个百分点", "增长66.32%", "缩短4分20秒" (but not 提高到/增至, which give a level).</summary>
    [GeneratedRegex("(增长|提高|提升|上升|增加|下降|降低|减少|缩短|增幅|降幅|增速)(了)?$")]
    private static partial Regex ChangeVerb();

    /// <summary>A year that opens a part of the report: "2023年,", "2022年是", "2024年工作重点".</summary>
    [GeneratedRegex("(20[0-3][0-9])年(?=[,，]|是|工作总结|工作重点|重点工作)")]
    private static partial Regex AnchorYear();

    [GeneratedRegex("(?<!比|较|与|于)(20[0-3][0-9])年(?!以来|至今|同期|度?[^,，。]{0,3}(计划|方案|行动))")]
    private static partial Regex YearInClause();

    [GeneratedRegex("(20[0-3][0-9])年")]
    private static partial Regex AnyYear();

    [GeneratedRegex("(到|至|在)(20[0-3][0-9])年(底|末|前)?")]
    private static partial Regex ByYear();

    [GeneratedRegex("(居|排名|名列|位列|位居|高居|列)[^，,。；]{0,12}$")]
    private static partial Regex RankingWords();

    [GeneratedRegex("(热线|电话|拨打|服务号)[^，,。]{0,4}$")]
    private static partial Regex PhoneWords();

    [GeneratedRegex(@"(https?:|www\.|[A-Za-z0-9]\.[A-Za-z]|[/@_])[A-Za-z0-9./_@-]*$")]
    private static partial Regex WebAddress();

    [GeneratedRegex("[A-Za-z]$")]
    private static partial Regex LatinBefore();

    [GeneratedRegex("(医院|卫生院|中心|医共体|医疗集团|保健院|疾控中心)")]
    private static partial Regex InstitutionWord();

    public static DraftResult Draft(string text, DraftContext context)
    {
        var candidates = new List<DraftCandidate>();
        var skipped = new List<SkippedNumber>();
        var anchors = AnchorYear().Matches(text).Select(m => (At: m.Index, Year: int.Parse(m.Groups[1].Value))).ToList();
        var articles = ArticleStarts(text);

        foreach (var w in ValueParser.Scan(text))
        {
            if (Skip(text, w) is { } reason)
            {
                skipped.Add(new SkippedNumber(w.Text, w.Start, reason));
                continue;
            }
            candidates.Add(Candidate(text, w, context, anchors, articles, candidates.Count + 1));
        }
        ShareAcrossLists(text, candidates);
        return new DraftResult(candidates, skipped);
    }

    /// <summary>
    /// Numbers listed with 、 or 和 share what is said once for all of them: "同比增长9.63%、40.04%" are both changes,
    /// "保持在70%、80%以上" both at least, "控制在12.8/10万、5.40‰以内" both at most.
    /// </summary>
    private static void ShareAcrossLists(string text, List<DraftCandidate> candidates)
    {
        for (var first = 0; first < candidates.Count;)
        {
            var last = first;
            while (last + 1 < candidates.Count && IsListed(text, candidates[last], candidates[last + 1])) last++;
            if (last > first)
            {
                var run = candidates[first..(last + 1)];
                var (before, isBefore) = ObservationRules.MarkerAround(text, run[0].Offset, run[0].Offset + run[0].ValueAsWritten.Length);
                var (after, isAfter) = ObservationRules.MarkerAround(text, run[^1].Offset, run[^1].Offset + run[^1].ValueAsWritten.Length);
                var shared = before is not null && isBefore ? before : after is not null && !isAfter ? after : null;
                foreach (var c in run)
                {
                    if (run[0].Kind == "change" && c.Kind == "actual") { c.Kind = "change"; c.Why.Add("kind change: listed with the first number after the change word"); }
                    if (shared is not null && c.Qualifier == "EXACT") { c.Qualifier = ObservationRules.QualifierOf(shared); c.Why.Add($"qualifier {c.Qualifier}: \"{shared}\" said once for the listed numbers"); }
                }
            }
            first = last + 1;
        }
    }

    private static bool IsListed(string text, DraftCandidate a, DraftCandidate b)
    {
        var end = a.Offset + a.ValueAsWritten.Length;
        return b.Offset > end && b.Offset - end <= 2 && text[end..b.Offset].Trim() is "、" or "和" or "及" or "与";
    }

    /// <summary>Why a number is not a figure; null when it is one.</summary>
    private static string? Skip(string text, WrittenValue w)
    {
        var before = text[..w.Start];
        var next = w.End < text.Length ? text[w.End] : ' ';
        var bare = w.Unit.Word.Length == 0 && !w.Text.Contains('万') && !w.Text.Contains('亿');
        if (!w.Chinese && w.Value is >= 1949 and <= 2100 && w.Value == Math.Floor(w.Value) && w.Text.Length >= 4
            && (w.Unit.Word is "年" or "" || next is '年' or '-' or '—' or '–'))
            return "a year";
        if (!w.Chinese && w.Unit.Word.Length == 0 && next is '月' or '日' or '号' && !before.EndsWith('第'))
            return next == '号' ? "a document number" : "a date";
        if (before.EndsWith('〔') || before.EndsWith('[') || before.EndsWith('【') || before.EndsWith('（') && next == '）' && bare)
            return "a document number";
        if (InsideTitle(before)) return "part of a title in 《》";
        if (!w.Chinese && (WebAddress().IsMatch(before) || next is '/' or '@' or '_' || before.EndsWith('-') && before.Length > 0 && char.IsAsciiDigit(before.TrimEnd('-')[^1])))
            return "part of a web address, e-mail or date (2024-10-23)";
        if (bare && !w.Chinese && w.Text.Length == 6 && w.Value == Math.Floor(w.Value)) return "a postcode or region code";
        if (!w.Chinese && (next == '+' || before.EndsWith('+'))) return "part of a name (1+6+6+3)";
        if (w.Chinese && before.EndsWith('“')) return "part of a slogan (“两个维护”, “七个加强”)";
        if (w.Chinese && (w.Unit.Word == "届" || w.Unit.Word == "大" && (before.EndsWith("党的", StringComparison.Ordinal) || w.Value == 20)
                          || w.Unit.Word == "次" && text.AsSpan(w.End).StartsWith("全会") || w.Unit.Word == "期"))
            return "a congress, plenary session or project phase (二十大, 五次全会, 二期)";
        if (w.Chinese && w.Text.Length == 1 + w.Unit.Word.Length && "十百千".Contains(w.Text[0]) && w.Unit.Word is not ("强" or "位"))
            return "千人/千名 of a density or a name (千县工程)";
        if (w.Chinese && w.Unit.Word == "位" && text.AsSpan(w.End).StartsWith("一体")) return "part of an idiom (三位一体)";
        if (w.Unit.Word == "岁" && w.Value == Math.Floor(w.Value) && (w.IsRange || Regex.IsMatch(text[w.End..Math.Min(text.Length, w.End + 4)], "^(及?以上|以下|老|儿|人|及)")))
            return "an age group (65岁以上老人, 0-3岁儿童)";
        if (bare && !w.Chinese && (w.Text.Length >= 5 && w.Text.StartsWith("12", StringComparison.Ordinal) || PhoneWords().IsMatch(before)))
            return "a telephone hotline";
        if (bare && !w.Chinese && (next is '、' or '.' or '．' or '）' or ')') && (before.Length == 0 || " \n（(".Contains(before[^1])))
            return "list numbering";
        if (!w.Chinese && (LatinBefore().IsMatch(before) || char.IsAsciiLetter(next))) return "part of a name (H7N9, 5G)";
        if (bare && !w.Chinese && IsHan(next) && !"和及与至到".Contains(next) && w.Rank.Length == 0) return "part of a name (a number before a word, like 120急救)";
        if (w.Chinese && w.Value == 1 && w.Rank.Length == 0) return "一 as an article (一个, 一批)";
        if (w.Rank == "第" && !(RankingWords().IsMatch(Clause(text, w.Start).Before) && (w.Unit.Word is "" or "名" or "位")))
            return "an ordinal (第N of a series, not a ranking)";
        if (w.Rank == "前" && !RankingWords().IsMatch(Clause(text, w.Start).Before) && !before.EndsWith("进入", StringComparison.Ordinal))
            return "前N outside a ranking";
        return null;
    }

    private static DraftCandidate Candidate(string text, WrittenValue w, DraftContext context, List<(int At, int Year)> anchors, List<int> articles, int number)
    {
        var why = new List<string>();
        var clause = Clause(text, w.Start);
        var sentence = Sentence(text, w.Start);

        // Qualifier: the written form (range, rank, 余/多), else the validator's markers around it.
        var qualifier = w.Qualifier;
        var quoteEnd = w.End;
        if (qualifier is not null) why.Add($"qualifier {qualifier}: written \"{w.Text}\"");
        var (marker, markerBefore) = ObservationRules.MarkerAround(text, w.Start, w.End);
        if (qualifier is null && marker is not null)
        {
            qualifier = ObservationRules.QualifierOf(marker);
            why.Add($"qualifier {qualifier}: \"{marker}\" {(markerBefore ? "before" : "after")} the number");
            if (!markerBefore) quoteEnd = text.IndexOf(marker, w.End, StringComparison.Ordinal) + marker.Length;
        }
        if (qualifier is null && clause.Before[Math.Max(0, clause.Before.Length - 4)..].Contains("至少", StringComparison.Ordinal)) { qualifier = "AT_LEAST"; why.Add("qualifier AT_LEAST: 至少 before the number"); }
        if (qualifier is null && w.Unit.Word == "年" && text.AsSpan(w.End).StartsWith("内")) { qualifier = "AT_MOST"; quoteEnd++; why.Add("qualifier AT_MOST: N年内 (a deadline)"); }
        qualifier ??= "EXACT";

        // Unit: the unit word, or a density the words before name (千人床位数4.06张), or the unit word of the next number ("5.58和6.32个百分点").
        var unit = w.DraftUnit;
        if (w.Unit.Word == "人" && text[w.End..Math.Min(text.Length, w.End + 4)].TrimStart().StartsWith('次'))
        {
            unit = "person_times";
            why.Add("unit person_times: 人次 broken across a line");
        }
        else if (w.Unit.Units.Contains("count") && UnitWords.DensityBefore(clause.Before) is { } density && w.Rank.Length == 0)
        {
            unit = density;
            why.Add($"unit {density}: a count after \"{DensityWordIn(clause.Before)}\"");
        }
        else if (w.Unit.Word.Length == 0 && w.Rank.Length == 0 && ValueParser.Scan(text[w.End..Math.Min(text.Length, w.End + 12)]) is [var shared, ..]
                 && shared.Start <= 1 && shared.Unit.Word.Length > 0)
        {
            unit = shared.DraftUnit;
            why.Add($"unit {unit}: the unit word of the next number (\"{shared.Text}\")");
        }

        // Kind and year.
        var article = articles.LastOrDefault(a => a <= w.Start);
        var anchor = anchors.LastOrDefault(a => a.At < w.Start && a.At >= article);
        var anchorYear = anchor.At == 0 && anchor.Year == 0 ? (int?)null : anchor.Year;
        var inPlan = anchorYear >= context.ReportYear;
        var goalSpan = GoalSpan(text, clause.Start, clause.End, sentence.Start);
        var goalWord = GoalWords.FirstOrDefault(g => goalSpan.Contains(g, StringComparison.Ordinal));
        var by = ByYear().Match(clause.Before);
        var byYear = by.Success ? int.Parse(by.Groups[2].Value) : (int?)null;
        string kind;
        var changeVerb = ChangeVerb().Match(StripSpaces(clause.Before[Math.Max(0, clause.Before.Length - 6)..]));
        if (unit == "percentage_points" || changeVerb.Success && !inPlan && goalWord is null)
        {
            kind = "change";
            why.Add(changeVerb.Success ? $"kind change: \"{changeVerb.Groups[1].Value}\" before the number" : "kind change: percentage points");
        }
        else if (goalWord is not null || inPlan || byYear > context.ReportYear || qualifier == "AT_MOST" && marker == "控制在")
        {
            kind = "target";
            why.Add(goalWord is not null ? $"kind target: \"{goalWord}\" in the sentence" : inPlan ? $"kind target: in the part of the report opened by {anchorYear}年 (a plan)" : $"kind target: 到{byYear}年");
        }
        else
        {
            kind = "actual";
            why.Add("kind actual: no goal word, not in a plan part");
        }

        int year;
        string basis;
        string? note = null;
        var stated = YearInClause().Matches(sentence.Text[..(w.Start - sentence.Start)]).LastOrDefault();
        if (byYear is { } goalYear)
        {
            (year, basis) = (goalYear, "STATED");
            why.Add($"year {year} STATED: \"{by.Value}\"");
        }
        else if (stated is not null && int.Parse(stated.Groups[1].Value) <= Math.Max(context.ReportYear, anchorYear ?? 0))
        {
            (year, basis) = (int.Parse(stated.Groups[1].Value), "STATED");
            why.Add($"year {year} STATED: \"{stated.Value}\" in the sentence");
        }
        else
        {
            basis = "INFERRED";
            if (anchorYear is { } y)
            {
                year = y;
                note = $"Undated; filed under {y}, the year that opens its part of the report (\"{y}年\") (rule for this report).";
            }
            else if (kind == "target")
            {
                year = context.ReportYear;
                note = $"Undated goal; filed under the report's year {year} (rule for this report).";
            }
            else
            {
                var articleEnd = articles.FirstOrDefault(a => a > w.Start, text.Length);
                year = AnyYear().Matches(text[article..articleEnd]).Select(m => int.Parse(m.Groups[1].Value))
                    .Where(y => y <= context.ReportYear).DefaultIfEmpty(context.ReportYear).Max();
                note = $"Undated; filed under {year}, the latest year its article names up to the report's year {context.ReportYear} (rule for this report).";
            }
            if (Regex.IsMatch(clause.Before, "(从|由)[^，,。]{0,10}$") && Regex.IsMatch(text[w.End..Math.Min(text.Length, w.End + 6)], "^[^，,。、]{0,3}(到|至)"))
            {
                year--;
                note = $"The earlier value of \"从…到…\": filed under {year}, the year before the later value (rule for this report).";
            }
            why.Add($"year {year} INFERRED: {note}");
        }
        if (kind == "actual" && year > context.ReportYear) year = context.ReportYear;

        // Region: the report's, or the country for a national figure.
        var region = context.RegionCode;
        if (unit != "rank" && Regex.IsMatch(clause.Before[Math.Max(0, clause.Before.Length - 8)..], "中央|全国"))
        {
            region = "100000";
            why.Add("region 100000: 中央/全国 just before the number");
        }
        else why.Add($"region {region}: the report's region");

        // Quote: the clause up to the number (and a marker after it), verbatim.
        var quoteStart = clause.Start;
        while (quoteStart < w.Start && char.IsWhiteSpace(text[quoteStart])) quoteStart++;
        var quote = text[quoteStart..quoteEnd];
        var phrase = text[clause.Start..clause.End];

        var suggestions = context.Metrics.Suggest(phrase, UnitsFor(unit));
        string? newName = null;
        if (suggestions.Count == 0 || suggestions[0].Score < MetricCatalogue.NewMetricBelow)
        {
            newName = NounPhrase(clause.Before);
            why.Add($"metric: new (best catalogue score {(suggestions.Count == 0 ? 0 : suggestions[0].Score)} < {MetricCatalogue.NewMetricBelow})");
        }
        else why.Add($"metric {suggestions[0].Code}: score {suggestions[0].Score}");
        var institution = InstitutionWord().Match(clause.Before) is { Success: true } inst ? NamedBefore(clause.Before, inst.Index + inst.Length) : null;

        return new DraftCandidate
        {
            Id = $"{context.SourceId}-{number:000}",
            Source = context.SourceId,
            Metric = newName is null ? suggestions[0].Code : "new_metric",
            Region = region, Year = year, YearBasis = basis, Kind = kind, Qualifier = qualifier,
            Value = w.Value, LowerBound = w.IsRange ? w.Value : null, UpperBound = w.Upper,
            Unit = unit, ValueAsWritten = w.Text, Quote = quote, Note = note,
            NamedInstitution = institution,
            MetricSuggestions = suggestions, NewMetricNameZh = newName,
            Sentence = sentence.Text, Offset = w.Start, Why = why,
        };
    }

    private static IReadOnlySet<string> UnitsFor(string unit) => unit switch
    {
        "people" or "count" => new HashSet<string> { "people", "count", "person_times" },
        _ => new HashSet<string> { unit },
    };

    /// <summary>Where a goal word governs a number: its own clause and the clause before it, within the sentence.</summary>
    private static string GoalSpan(string text, int clauseStart, int clauseEnd, int sentenceStart)
    {
        var previous = clauseStart <= sentenceStart + 1 ? clauseStart : text.LastIndexOfAny(ClauseEnds.ToCharArray(), clauseStart - 2) + 1;
        return text[Math.Max(previous, sentenceStart)..clauseEnd];
    }

    /// <summary>The clause around <paramref name="at"/>: from after the last clause end to the next.</summary>
    private static (int Start, int End, string Before) Clause(string text, int at)
    {
        var start = text.LastIndexOfAny(ClauseEnds.ToCharArray(), Math.Max(0, at - 1)) + 1;
        if (at == 0) start = 0;
        var end = text.IndexOfAny(ClauseEnds.ToCharArray(), at);
        if (end < 0) end = text.Length;
        return (start, end, text[start..at]);
    }

    private static (int Start, string Text) Sentence(string text, int at)
    {
        var start = at == 0 ? 0 : text.LastIndexOfAny(SentenceEnds.ToCharArray(), at - 1) + 1;
        var end = text.IndexOfAny(SentenceEnds.ToCharArray(), at);
        end = end < 0 ? text.Length : text[end] == '\n' ? end : end + 1;
        return (start, text[start..end]);
    }

    /// <summary>Where articles start: after a title line (a short line without a full stop) or at the text's start.</summary>
    private static List<int> ArticleStarts(string text)
    {
        var starts = new List<int> { 0 };
        var at = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length is > 4 and < 40 && !trimmed.Contains('。') && !trimmed.Contains('，') && !trimmed.Contains(',') && at > 0)
                starts.Add(at);
            at += line.Length + 1;
        }
        return starts;
    }

    private static bool InsideTitle(string before) => before.LastIndexOf('《') > before.LastIndexOf('》');

    private static string DensityWordIn(string before) => before.Length <= 8 ? before : before[^8..];

    private static string StripSpaces(string s) => s.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The words before a number that name what it counts, for a new metric's Chinese name.</summary>
    private static string NounPhrase(string before)
    {
        var words = StripSpaces(before).TrimEnd('达', '为', '至', '到', '共', '约', '近');
        foreach (var verb in new[] { "完成", "新增", "开展", "建成", "累计", "实现", "达到", "培训", "引进", "招聘", "投入", "共有", "建立", "组建" })
            words = words.Replace(verb, "", StringComparison.Ordinal);
        return words.Length > 16 ? words[^16..] : words;
    }

    private static string NamedBefore(string before, int end)
    {
        var start = Math.Max(0, end - 12);
        return before[start..end].TrimStart('、', '和', '与', '及');
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}
