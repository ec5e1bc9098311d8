using System.Text;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Search;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>/explore: the search box, the facets, the results with their quotes highlighted, paging, downloads and the query.</summary>
public static class ExploreSearchPage
{
    public const int PageSize = 20;

    public static string Body(ExploreRequest r, ExploreQuery q, SearchPage page, ReferenceCache references, int start)
    {
        var html = new StringBuilder();
        html.Append($"""
            <h1>{Html.E(r.T("search.title"))}</h1>
            <form class="search" method="get" action="/explore" role="search">
            <label for="q">{Html.E(r.T("search.label"))}</label>
            <div class="searchrow"><input type="search" id="q" name="q" value="{Html.E(q.Q)}" placeholder="{Html.E(r.T("search.placeholder"))}" maxlength="{SearchTerms.MaxLength}" autocomplete="off" aria-describedby="q-hint">
            <button type="submit">{Html.E(r.T("search.button"))}</button></div>
            <input type="hidden" name="lang" value="{r.Lang}">
            """);
        foreach (var (key, value) in q.Filters().Where(f => f.Value is not null))
            html.Append($"<input type=\"hidden\" name=\"{key}\" value=\"{Html.E(value)}\">");
        html.Append($"""
            <p id="q-hint" class="hint">{Html.E(r.T("search.hint"))}</p>
            </form>
            <div class="explore">
            <section class="results" aria-labelledby="results-h">
            """);

        // What is shown: the count, the words, the filters (each removable).
        html.Append($"<h2 id=\"results-h\">{Html.E(r.F("results.count", page.TotalCount))}");
        if (q.Q is not null) html.Append($" <span class=\"for\">{Html.E(r.T("results.for"))} “{Html.E(q.Q)}”</span>");
        else html.Append($" <span class=\"for\">— {Html.E(r.T("results.all"))}</span>");
        html.Append("</h2>");
        var active = q.Filters().Where(f => f.Value is not null).ToList();
        if (active.Count > 0)
        {
            html.Append($"<ul class=\"chips\" aria-label=\"{Html.E(r.T("filters.active"))}\">");
            foreach (var (key, value) in active)
                html.Append($"<li><span>{Html.E(r.T("facet." + key))}: {Html.E(FilterLabel(r, references, key, value!))}</span> <a href=\"{r.Link("/explore", q.With(key, null))}\" aria-label=\"{Html.E(r.T("filters.remove"))}: {Html.E(r.T("facet." + key))}\">×</a></li>");
            html.Append($"<li><a href=\"{r.Link("/explore", ("q", q.Q))}\">{Html.E(r.T("filters.clear"))}</a></li></ul>");
        }
        if (SearchNotice.Text(page, r.Zh) is { } notice) html.Append($"<p class=\"notice\" role=\"status\">{Html.E(notice)}</p>");
        else if (page.TotalCount == 0) html.Append($"<p class=\"none\">{Html.E(r.T("results.none"))}</p>");

        html.Append("<ol class=\"hits\" start=\"").Append(start + 1).Append("\">");
        foreach (var hit in page.Hits) html.Append(Hit(r, hit, references));
        html.Append("</ol>");

        if (page.TotalCount > 0)
        {
            html.Append("<nav class=\"pager\" aria-label=\"").Append(Html.E(r.Zh ? "分页" : "Pages")).Append("\"><p>")
                .Append(Html.E(r.F("page.of", start + 1, start + page.Hits.Count, page.TotalCount))).Append("</p>");
            if (start > 0) html.Append($"<a href=\"{r.Link("/explore", q.Current())}\">← {Html.E(r.T("page.first"))}</a> ");
            if (page.PageInfo.HasNextPage) html.Append($"<a rel=\"next\" href=\"{r.Link("/explore", q.Current(page.PageInfo.EndCursor))}\">{Html.E(r.T("page.next"))} →</a>");
            html.Append("</nav>");
        }

        var graphql = ExploreGraphQL.Query(q, PageSize);
        html.Append($"""
            <section class="take" aria-labelledby="take-h">
            <h2 id="take-h">{Html.E(r.T("download"))}</h2>
            <p><a class="button" href="{r.Link("/explore/download.csv", q.Current())}" download>CSV</a> <a class="button" href="{r.Link("/explore/download.json", q.Current())}" download>JSON</a>
            <a class="button" href="/graphql#query={Html.E(Uri.EscapeDataString(graphql))}">{Html.E(r.T("ide.open"))}</a></p>
            <details><summary>{Html.E(r.T("ide.query"))}</summary><pre tabindex="0"><code>{Html.E(graphql)}</code></pre></details>
            </section>
            </section>
            """);
        html.Append(Facets(r, q, page, references));
        html.Append("</div>");
        return html.ToString();
    }

    private static string FilterLabel(ExploreRequest r, ReferenceCache references, string key, string value) => key switch
    {
        "region" when references.Table<Region>()!.GetValueOrDefault(value) is { } region => $"{r.Name(region.NameZh, region.NameEn)} ({value})",
        "metric" when references.Table<Metric>()!.GetValueOrDefault(value) is { } metric => r.Name(metric.NameZh, metric.NameEn),
        "source" when references.Table<Source>()!.GetValueOrDefault(value) is { } source => r.Name(source.Title, source.TitleEn),
        "kind" or "category" or "qualifier" => r.Code(value),
        "headline" => r.T("headline." + value),
        _ => value,
    };

    /// <summary>One result: the figure as written and normalised, what and where, the sentence with the quote and the words marked, and how to cite it.</summary>
    public static string Hit(ExploreRequest r, SearchHit hit, ReferenceCache references)
    {
        var o = hit.Observation;
        var metric = o.Metric!;
        var region = o.Region!;
        var source = o.Source!;
        var anchor = $"fig-{o.Id}";
        var contextLink = r.Link($"/explore/sources/{Uri.EscapeDataString(source.Id)}", fragment: anchor);
        var citation = Citation.Format(o, source);
        var link = r.Absolute($"/explore/sources/{Uri.EscapeDataString(source.Id)}#{anchor}");
        var sentence = Sentence(o, hit.MatchIn("sentence")?.Spans);
        var metricName = hit.MatchIn(r.Zh ? "metric.nameZh" : "metric.nameEn") is { } m ? Html.Marked(m.Text, m.Spans) : Html.E(r.Name(metric.NameZh, metric.NameEn));
        var quoteEn = hit.MatchIn("quoteEn") is { } en ? Html.Marked(en.Text, en.Spans) : Html.E(o.QuoteEn);
        return $"""
            <li class="hit" id="{Html.E(anchor)}">
            <div class="figure"><span class="value" lang="zh-Hans">{Html.E(o.ValueAsWritten)}</span>
            <span class="norm" title="{Html.E(r.Code(o.Qualifier))}">{(o.Qualifier == "EXACT" ? "= " : "")}{Html.E(ExploreValue.Format(r, o))}</span>
            <span class="badge kind-{Html.E(o.Kind)}">{Html.E(r.Code(o.Kind))}</span>{(o.Qualifier == "EXACT" ? "" : $" <span class=\"badge qualifier\">{Html.E(r.Code(o.Qualifier))}</span>")}{(o.Headline ? $" <span class=\"badge headline\" title=\"{Html.E(r.T("headline.title"))}\">★ {Html.E(r.T("headline.badge"))}</span>" : "")}</div>
            <h3 class="metric"><a href="{r.Link($"/explore/metrics/{Uri.EscapeDataString(metric.Code)}", fragment: anchor)}">{metricName}</a>
            <span class="other" lang="{r.OtherLang}">{Html.E(r.OtherName(metric.NameZh, metric.NameEn))}</span></h3>
            <p class="meta"><a href="{r.Link($"/explore/regions/{Uri.EscapeDataString(region.Code)}")}">{Html.E(r.Name(region.NameZh, region.NameEn))}</a>
            · <span class="year" data-year-basis="{Html.E(o.YearBasis)}">{o.Year}{(o.YearBasis == "INFERRED" ? (r.Zh ? "（年份为推断）" : " (year inferred)") : "")}</span> · <span lang="zh-Hans">{Html.E(source.Publisher)}</span>, <span>{Html.E(source.Date)}</span></p>
            {(o.Dimensions == Dimensions.None ? "" : $"<p class=\"breakdown\">{Html.E(r.T("col.dimensions"))}: {Html.E(ExplorePages.DimensionsText(r, o.Dimensions))}</p>")}
            <blockquote lang="zh-Hans"><p>{sentence}</p></blockquote>
            <p class="en" lang="en">{quoteEn}</p>
            {(o.Note is null ? "" : $"<p class=\"note\" lang=\"en\">{Html.E(o.Note)}</p>")}
            <div class="actions"><a href="{contextLink}">{Html.E(r.T("check.context"))}</a>
            <button type="button" class="copy" data-citation="{Html.E(citation + " " + link)}" hidden>{Html.E(r.T("cite.copy"))}</button>
            <details class="cite"><summary>{Html.E(r.T("cite"))}</summary><p class="citation" lang="zh-Hans">{Html.E(citation)}</p><p class="citation-link">{Html.E(r.T("cite.link"))}: <a href="{Html.E(link)}">{Html.E(link)}</a></p></details></div>
            </li>
            """;
    }

    /// <summary>The sentence with its quote in bold and the searched words marked.</summary>
    public static string Sentence(Observation o, IReadOnlyList<TextSpan>? marks)
    {
        var sentence = o.Sentence.Length > 0 ? o.Sentence : o.Quote;
        var at = sentence.IndexOf(o.Quote, StringComparison.Ordinal);
        var spans = (marks ?? []).Select(s => (s, "mark")).ToList();
        if (at >= 0) spans.Add((new TextSpan(at, o.Quote.Length), "strong"));
        return Html.Tagged(sentence, ["strong", "mark"], spans);
    }

    private static string Facets(ExploreRequest r, ExploreQuery q, SearchPage page, ReferenceCache references)
    {
        var html = new StringBuilder();
        html.Append($"<aside class=\"facets\" aria-labelledby=\"facets-h\"><h2 id=\"facets-h\">{Html.E(r.T("facets"))}</h2>");
        html.Append(RegionFacet(r, q, page, references));
        html.Append(Facet(r, q, "year", page.Facets.Years, v => v));
        html.Append(Facet(r, q, "kind", page.Facets.Kinds, r.Code));
        html.Append(Facet(r, q, "qualifier", page.Facets.Qualifiers, r.Code));
        html.Append(Facet(r, q, "headline", page.Facets.Headline, v => r.T("headline." + v)));
        html.Append(Facet(r, q, "category", page.Facets.Categories, r.Code));
        var metrics = references.Table<Metric>()!;
        html.Append(Facet(r, q, "metric", page.Facets.Metrics.Take(12).ToList(), v => metrics.GetValueOrDefault(v) is { } m ? r.Name(m.NameZh, m.NameEn) : v));
        var sources = references.Table<Source>()!;
        html.Append(Facet(r, q, "source", page.Facets.Sources, v => sources.GetValueOrDefault(v) is { } s ? r.Name(s.Title, s.TitleEn) : v));
        return html.Append("</aside>").ToString();
    }

    private static string Facet(ExploreRequest r, ExploreQuery q, string key, IReadOnlyList<FacetCount> counts, Func<string, string> label)
    {
        if (counts.Count == 0) return "";
        var selected = q.Filters().First(f => f.Key == key).Value;
        var html = new StringBuilder($"<details class=\"facet\" open><summary>{Html.E(r.T("facet." + key))}</summary><ul>");
        foreach (var c in counts)
        {
            var isSelected = c.Value == selected;
            html.Append($"<li><a href=\"{r.Link("/explore", q.With(key, isSelected ? null : c.Value))}\"{(isSelected ? " aria-current=\"true\" class=\"on\"" : "")} data-facet=\"{key}\">{(isSelected ? "✓ " : "")}{Html.E(label(c.Value))}</a> <span class=\"count\">{c.Count}</span></li>");
        }
        return html.Append("</ul></details>").ToString();
    }

    /// <summary>Regions as their hierarchy (province → prefecture → county), each counted with the regions below it.</summary>
    private static string RegionFacet(ExploreRequest r, ExploreQuery q, SearchPage page, ReferenceCache references)
    {
        if (page.Facets.Regions.Count == 0) return "";
        var regions = references.Table<Region>()!;
        var own = page.Facets.Regions.ToDictionary(c => c.Value, c => c.Count);
        var children = regions.Values.Where(x => x.ParentCode is not null).ToLookup(x => x.ParentCode!);
        int Total(string code) => own.GetValueOrDefault(code) + children[code].Sum(c => Total(c.Code));
        var html = new StringBuilder($"<details class=\"facet\" open><summary>{Html.E(r.T("facet.region"))}</summary>");
        void Level(IEnumerable<Region> level)
        {
            var shown = level.Where(x => Total(x.Code) > 0).OrderByDescending(x => Total(x.Code)).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
            if (shown.Count == 0) return;
            html.Append("<ul class=\"tree\">");
            foreach (var region in shown)
            {
                var isSelected = region.Code == q.Filter.Region;
                html.Append($"<li><a href=\"{r.Link("/explore", q.With("region", isSelected ? null : region.Code))}\"{(isSelected ? " aria-current=\"true\" class=\"on\"" : "")} data-facet=\"region\">{(isSelected ? "✓ " : "")}{Html.E(r.Name(region.NameZh, region.NameEn))}</a> <span class=\"count\">{Total(region.Code)}</span>");
                Level(children[region.Code]);
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        // The tops of the tree: regions whose parent is not among the results' regions' ancestors.
        Level(regions.Values.Where(x => x.ParentCode is null || !regions.ContainsKey(x.ParentCode)));
        return html.Append("</details>").ToString();
    }
}
