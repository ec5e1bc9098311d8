using System.Net;
using System.Text;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Hosting;

/// <summary>GET /: what the data is, where it comes from and where to go next. Plain HTML, no script; built once.</summary>
public sealed class LandingPage(ListQueries lists, ReferenceCache references, DatabaseInitializer database)
{
    private readonly Lazy<string> _html = new(() => Render(lists, references, database.Status));

    public string Html => _html.Value;

    private static string Render(ListQueries lists, ReferenceCache references, DatabaseStatus status)
    {
        var figures = lists.List(Shapes.Observation, null, [], ["sourceId", "regionCode", "year"]);
        var bySource = figures.CountBy(o => o.SourceId).ToDictionary();
        var byRegion = figures.CountBy(o => o.RegionCode).ToDictionary();
        var regionTable = references.Table<Region>()!;
        var sources = references.Table<Source>()!.Values.OrderBy(s => s.RegionCode, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => new
        {
            s.Id, s.Title, s.TitleEn, s.Publisher, s.PublisherEn, s.Date, s.Url, Region = regionTable.GetValueOrDefault(s.RegionCode)?.NameEn,
            Figures = bySource.GetValueOrDefault(s.Id),
        }).ToList();
        var regions = regionTable.Values.OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new { r.Code, r.NameZh, r.NameEn, r.Level, r.ParentCode, Figures = byRegion.GetValueOrDefault(r.Code) }).ToList();
        var (firstYear, lastYear) = figures.Count > 0 ? (figures.Min(o => o.Year), figures.Max(o => o.Year)) : (0, 0);
        var years = firstYear == lastYear ? $"{firstYear}" : $"{firstYear}–{lastYear}";
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>OpenHealthData: figures from Chinese public-health reports</title>
            <link rel="stylesheet" href="/site.css">
            </head>
            <body>
            <header>
            <h1>OpenHealthData</h1>
            <p>Figures from five Chinese public-health reports, referring to the years {{years}}, each one traceable to the
            sentence it comes from. Search them, cite them, download them.</p>
            <nav aria-label="Start here">
            <ul>
            <li><a href="/explore"><strong>Explore the figures</strong></a>: search in Chinese or English (出生率, birth rate),
              narrow by region, year and metric, compare a metric across regions, check a number in its report, copy a citation
              (<a href="/explore?lang=zh" lang="zh-Hans" hreflang="zh-Hans">中文</a>)</li>
            <li><a href="/graphql">GraphQL IDE</a>: try a query in the browser</li>
            <li><a href="/swagger">REST API (Swagger UI)</a></li>
            <li><a href="/api/v1/snapshots">Snapshot downloads</a>: whole tables as CSV, JSON or Parquet
              (<a href="/api/v1/snapshots/latest/observations.csv">observations.csv</a>,
              <a href="/api/v1/snapshots/latest/comparable.csv">comparable.csv</a>), a Frictionless
              <a href="/api/v1/snapshots/latest/datapackage.json">data package</a> and the
              <a href="/api/v1/snapshots/latest/openhealthdata.db">SQLite database</a></li>
            <li><a href="/healthz">Status</a></li>
            </ul>
            </nav>
            </header>
            <main>
            <section aria-labelledby="counts">
            <h2 id="counts">What is in it</h2>
            <p>Data version <code>{{E(status.SeedHash)}}</code>:</p>
            <ul>
            """);
        foreach (var (name, count) in status.Counts) html.Append($"<li><strong>{count}</strong> {E(name)}</li>\n");
        html.Append("""
            </ul>
            </section>
            <section aria-labelledby="sources">
            <h2 id="sources">The sources</h2>
            <table>
            <caption>The five reports, as published</caption>
            <thead><tr><th scope="col">Report</th><th scope="col">Publisher</th><th scope="col">Date</th><th scope="col">Region</th><th scope="col">Figures</th><th scope="col">Text</th></tr></thead>
            <tbody>
            """);
        foreach (var s in sources)
            html.Append($"""
                <tr><td lang="zh">{E(s.Title)}<br><span lang="en">{E(s.TitleEn)}</span></td><td><span lang="zh">{E(s.Publisher)}</span><br>{E(s.PublisherEn)}</td><td>{E(s.Date)}</td><td>{E(s.Region)}</td><td>{s.Figures}</td><td><a href="/explore/sources/{E(s.Id)}">text with figures marked</a><br><a href="/api/v1/sources/{E(s.Id)}/text">plain text</a>{(s.Url is null ? "" : $"<br><a href=\"{E(s.Url)}\" rel=\"noopener\">original</a>")}</td></tr>

                """);
        html.Append($$"""
            </tbody>
            </table>
            </section>
            <section aria-labelledby="regions">
            <h2 id="regions">The regions</h2>
            <table>
            <caption>Regions and their administrative division codes (use them in filters: <code>region</code>, <code>withinRegion</code>)</caption>
            <thead><tr><th scope="col">Code</th><th scope="col">Region</th><th scope="col">Level</th><th scope="col">Part of</th><th scope="col">Figures</th></tr></thead>
            <tbody>
            {{string.Concat(regions.Select(r => $"<tr><td><code>{E(r.Code)}</code></td><td><a href=\"/explore/regions/{E(r.Code)}\">{E(r.NameEn)}</a> <span lang=\"zh\">{E(r.NameZh)}</span></td><td>{E(r.Level)}</td><td>{(r.ParentCode is null ? "" : $"<code>{E(r.ParentCode)}</code>")}</td><td>{r.Figures}</td></tr>\n"))}}
            </tbody>
            </table>
            </section>
            <section aria-labelledby="cite">
            <h2 id="cite">Cite a figure</h2>
            <p>Every figure carries its source, a verbatim quote (the span with the number) and the whole sentence around it.
            In the <a href="/explore">explorer</a> every figure has a "Copy citation" button; in GraphQL ask for <code>citation</code>
            on an observation, or quote <code>sentence</code> with the source's title, publisher and date. For example:</p>
            <pre tabindex="0"><code>{ observation(id: "yueqing-2023-work-summary-004") { value unit quote sentence citation } }</code></pre>
            <p>Check the quote in context in the report with every figure marked:
            <a href="/explore/sources/yueqing-2023-work-summary#fig-yueqing-2023-work-summary-004">Yueqing's work summary</a>
            (or its <a href="/api/v1/sources/yueqing-2023-work-summary/text">plain text</a>).</p>
            </section>
            </main>
            <footer><p>Open data. The reports belong to their publishers; OpenHealthData adds structure, English renderings and links back.</p></footer>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
