using Microsoft.AspNetCore.WebUtilities;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// One explorer request: its language (?lang=zh|en, else the browser's Accept-Language) and the links it builds,
/// which carry the language on, so that the whole visit stays in the language chosen. Links are plain text: the
/// components that write them into pages encode them.
/// </summary>
public sealed class ExploreRequest(HttpContext http)
{
    public HttpContext Http => http;

    public string Lang { get; } = http.Request.Query["lang"].ToString() switch
    {
        "zh" => "zh",
        "en" => "en",
        _ => http.Request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en",
    };

    public bool Zh => Lang == "zh";

    /// <summary>The value of the html lang attribute.</summary>
    public string HtmlLang => Zh ? "zh-Hans" : "en";

    public string T(string key) => ExploreText.Get(Lang, key);
    public string F(string key, params object[] args) => ExploreText.Format(Lang, key, args);
    public string Code(string code) => ExploreText.Code(Lang, code);
    public string Unit(string unit) => ExploreText.Unit(Lang, unit);

    /// <summary>The name in the page's language first.</summary>
    public string Name(string zh, string en) => Zh ? zh : en;
    public string OtherName(string zh, string en) => Zh ? en : zh;
    public string OtherLang => Zh ? "en" : "zh-Hans";

    /// <summary>A text in the page's language where the Chinese one exists; else the English one.</summary>
    public string Pick(string? zh, string en) => Zh && !string.IsNullOrWhiteSpace(zh) ? zh : en;

    /// <summary>The lang attribute of a text picked by <see cref="Pick"/>.</summary>
    public string PickLang(string? zh) => Zh && !string.IsNullOrWhiteSpace(zh) ? "zh-Hans" : "en";

    /// <summary>A region's name in the page's language, its code when it is not known.</summary>
    public string RegionName(Observation o) => o.Region is null ? o.RegionCode : Name(o.Region.NameZh, o.Region.NameEn);

    /// <summary>A figure's year with its basis: "2023" when the report states it, "2023, year inferred" when the report's rule gives it.</summary>
    public string Year(Observation o) => o.YearBasis == "STATED" ? o.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : F("year.inferred", o.Year);

    /// <summary>A figure's breakdown in words ("population: key groups"), empty when it has none.</summary>
    public string Breakdown(string dimensions) => Breakdown(Dimensions.Parse(dimensions));

    /// <summary>Dimension pairs in words ("population: key groups").</summary>
    public string Breakdown(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join(Zh ? "；" : "; ", pairs.Select(p => $"{Code(p.Key)}{(Zh ? "：" : ": ")}{Code(p.Value)}"));

    /// <summary>A link to path with the query values given (empty ones left out) and the page's language.</summary>
    public string Link(string path, IEnumerable<KeyValuePair<string, string?>>? query = null, string? fragment = null, string? lang = null)
    {
        var pairs = (query ?? []).Where(p => !string.IsNullOrEmpty(p.Value)).Append(new("lang", lang ?? Lang));
        var url = QueryHelpers.AddQueryString(path, pairs);
        return fragment is null ? url : $"{url}#{Uri.EscapeDataString(fragment)}";
    }

    public string Link(string path, params (string Key, string? Value)[] query) =>
        Link(path, query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));

    /// <summary>The page of one entity ("metrics", "regions", "sources", "compare") in this language.</summary>
    public string Page(string kind, string code, string? fragment = null) => Link($"/explore/{kind}/{Uri.EscapeDataString(code)}", fragment: fragment);

    /// <summary>Where the report's rule for its undated figures is explained.</summary>
    public string YearRuleLink(Observation o) => Page("sources", o.SourceId, "year-rule");

    /// <summary>This page in the other language.</summary>
    public string SwitchLanguage() => Link(http.Request.Path,
        http.Request.Query.Where(q => q.Key != "lang").Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())),
        lang: Zh ? "en" : "zh");

    /// <summary>The address of a path on this site, for citations: on the configured public base URL, never the request's Host.</summary>
    public string Absolute(string pathAndQuery) => http.RequestServices.GetRequiredService<Serving.PublicBaseUrl>().Absolute(pathAndQuery);
}
