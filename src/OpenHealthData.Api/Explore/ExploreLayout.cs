using System.Text;

namespace OpenHealthData.Api.Explore;

/// <summary>The frame of every explorer page: header with navigation and language switch, main, footer. No inline script.</summary>
public static class ExploreLayout
{
    public static string Page(ExploreRequest r, string title, string body, string current)
    {
        string Nav(string key, string path) =>
            $"<li><a href=\"{r.Link(path)}\"{(current == key ? " aria-current=\"page\"" : "")}>{Html.E(r.T(key))}</a></li>";
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html>
            <html lang="{r.HtmlLang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.E(title)} · OpenHealthData</title>
            <link rel="stylesheet" href="/explore.css">
            <script src="/explore.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">{Html.E(r.T("skip"))}</a>
            <header class="site">
            <div class="brand"><a href="{r.Link("/explore")}">OpenHealthData</a><span>{Html.E(r.T("site.tagline"))}</span></div>
            <nav aria-label="{Html.E(r.Zh ? "主导航" : "Main")}"><ul>
            {Nav("nav.explore", "/explore")}{Nav("nav.metrics", "/explore/metrics")}<li><a href="/graphql">{Html.E(r.T("nav.ide"))}</a></li><li><a href="/swagger">{Html.E(r.T("nav.api"))}</a></li><li><a href="/">{Html.E(r.T("nav.home"))}</a></li>
            <li class="lang"><a href="{r.SwitchLanguage()}" lang="{r.OtherLang}" hreflang="{r.OtherLang}" title="{Html.E(r.T("lang.switch.label"))}">{Html.E(r.T("lang.switch"))}</a></li>
            </ul></nav>
            </header>
            <main id="main">
            {body}
            </main>
            <footer class="site"><p>{Html.E(r.T("footer"))}</p></footer>
            <p class="visually-hidden" role="status" aria-live="polite" id="status"></p>
            </body>
            </html>
            """);
        return html.ToString();
    }

    /// <summary>A page that says what was not found or what was wrong, with the right status.</summary>
    public static IResult Problem(ExploreRequest r, int status, string message)
    {
        var title = r.T(status == StatusCodes.Status404NotFound ? "notfound.title" : "badrequest.title");
        var body = $"""
            <h1>{Html.E(title)}</h1>
            <p class="problem">{Html.E(message)}</p>
            <p><a href="{r.Link("/explore")}">{Html.E(r.T("back"))}</a></p>
            """;
        return Results.Content(Page(r, title, body, ""), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult Ok(ExploreRequest r, string title, string body, string current) =>
        Results.Content(Page(r, title, body, current), "text/html; charset=utf-8", Encoding.UTF8);
}
