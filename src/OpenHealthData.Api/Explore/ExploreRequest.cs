using Microsoft.AspNetCore.WebUtilities;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// One explorer request: its language (?lang=zh|en, else the browser's Accept-Language) and the links it builds,
/// which carry the language on, so that the whole visit stays in the language chosen.
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

    /// <summary>A link to path with the query values given (empty ones left out) and the page's language; HTML-encoded.</summary>
    public string Link(string path, IEnumerable<KeyValuePair<string, string?>>? query = null, string? fragment = null, string? lang = null)
    {
        var pairs = (query ?? []).Where(p => !string.IsNullOrEmpty(p.Value)).Append(new("lang", lang ?? Lang));
        var url = QueryHelpers.AddQueryString(path, pairs);
        return Html.E(fragment is null ? url : $"{url}#{Uri.EscapeDataString(fragment)}");
    }

    public string Link(string path, params (string Key, string? Value)[] query) =>
        Link(path, query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));

    /// <summary>This page in the other language.</summary>
    public string SwitchLanguage() => Link(http.Request.Path,
        http.Request.Query.Where(q => q.Key != "lang").Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())),
        lang: Zh ? "en" : "zh");

    /// <summary>The address of a path on this site, for citations: on the configured public base URL, never the request's Host.</summary>
    public string Absolute(string pathAndQuery) => http.RequestServices.GetRequiredService<Serving.PublicBaseUrl>().Absolute(pathAndQuery);
}
