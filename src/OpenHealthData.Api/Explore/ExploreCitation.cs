using System.Globalization;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// How to cite a figure in the page's language: a reference line as a reporter pastes it, and BibTeX and RIS for a
/// reference manager. Plain text (the components encode it). Quotes without line-break artefacts; the link is the
/// sentence marked in its report.
/// </summary>
public static class ExploreCitation
{
    /// <summary>The address of the figure in its report, absolute, in the page's language.</summary>
    public static string Link(ExploreRequest r, Observation o) => r.Absolute(r.Page("sources", o.SourceId, $"fig-{o.Id}"));

    public static string Plain(ExploreRequest r, Observation o)
    {
        var s = o.Source!;
        var quote = ExploreQuote.Display(o.Quote);
        var original = s.Url is null ? "" : r.Zh ? $"原文：{s.Url}。" : $" Original: {s.Url}.";
        return r.Zh
            ? $"{s.Publisher}《{s.Title}》（{s.Date}）：“{quote}”。{original}OpenHealthData 数据 {o.Id}：{Link(r, o)}"
            : $"{s.PublisherEn}, \"{s.TitleEn}\" [{s.Publisher}《{s.Title}》], {s.Date}: “{quote}” (\"{o.QuoteEn}\").{original} OpenHealthData figure {o.Id}: {Link(r, o)}";
    }

    public static string BibTeX(ExploreRequest r, Observation o)
    {
        var s = o.Source!;
        static string B(string text) => text.Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal);
        var lines = new List<string>
        {
            $"@misc{{{o.Id},",
            $"  author = {{{{{B(r.Zh ? s.Publisher : s.PublisherEn)}}}}},",
            $"  title = {{{B(r.Zh ? s.Title : $"{s.TitleEn} [{s.Title}]")}}},",
            $"  year = {{{Year(s.Date)}}},",
            $"  note = {{{B(r.Zh ? $"引文：“{ExploreQuote.Display(o.Quote)}”" : $"Quote: “{ExploreQuote.Display(o.Quote)}” (\"{o.QuoteEn}\")")}}},",
            $"  howpublished = {{OpenHealthData, {o.Id}}},",
            $"  url = {{{Link(r, o)}}},",
            $"  language = {{{(r.Zh ? "chinese" : "english")}}}",
            "}",
        };
        return string.Join("\n", lines);
    }

    public static string Ris(ExploreRequest r, Observation o)
    {
        var s = o.Source!;
        var lines = new List<string>
        {
            "TY  - GEN",
            $"AU  - {(r.Zh ? s.Publisher : s.PublisherEn)}",
            $"TI  - {(r.Zh ? s.Title : s.TitleEn)}",
        };
        if (!r.Zh) lines.Add($"TT  - {s.Title}");
        lines.Add($"PY  - {Year(s.Date)}");
        lines.Add($"DA  - {s.Date.Replace('-', '/')}");
        lines.Add($"N1  - {(r.Zh ? $"引文：“{ExploreQuote.Display(o.Quote)}”" : $"Quote: “{ExploreQuote.Display(o.Quote)}” (\"{o.QuoteEn}\")")}");
        if (s.Url is not null) lines.Add($"UR  - {s.Url}");
        lines.Add($"UR  - {Link(r, o)}");
        lines.Add("DB  - OpenHealthData");
        lines.Add($"LA  - {(r.Zh ? "zh" : "en")}");
        lines.Add("ER  - ");
        return string.Join("\n", lines);
    }

    private static string Year(string date) => date.Length >= 4 ? date[..4] : date.ToString(CultureInfo.InvariantCulture);
}
