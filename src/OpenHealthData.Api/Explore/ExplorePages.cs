using System.Text;
using OpenHealthData.Api.Search;
using OpenHealthData.Data.Comparing;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>The pages of one metric, the list of metrics, one region and one source.</summary>
public static class ExplorePages
{
    public static string Metric(ExploreRequest r, Metric metric, IReadOnlyList<Observation> figures, MetricCoverage? coverage)
    {
        var regions = figures.Select(o => o.Region!).DistinctBy(x => x.Code)
            .OrderByDescending(x => figures.Count(o => o.RegionCode == x.Code)).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
        var html = new StringBuilder();
        html.Append($"""
            <p class="crumbs"><a href="{r.Link("/explore/metrics")}">{Html.E(r.T("metric.all"))}</a> › {Html.E(r.Code(metric.Category))}</p>
            <h1>{Html.E(r.Name(metric.NameZh, metric.NameEn))} <span class="other" lang="{r.OtherLang}">{Html.E(r.OtherName(metric.NameZh, metric.NameEn))}</span></h1>
            <dl class="facts">
            <dt>{Html.E(r.T("metric.definition"))}</dt><dd lang="en">{Html.E(metric.Description)}</dd>
            <dt>{Html.E(r.T("metric.unit"))}</dt><dd>{Html.E(r.Unit(metric.Unit))} <code>{Html.E(metric.Unit)}</code></dd>
            <dt>{Html.E(r.T("metric.code"))}</dt><dd><code>{Html.E(metric.Code)}</code></dd>
            {(metric.Dimensions == Dimensions.None ? "" : $"<dt>{Html.E(r.T("col.dimensions"))}</dt><dd>{Html.E(string.Join("; ", Dimensions.ParseAllowed(metric.Dimensions).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{r.Code(d.Key)}: {string.Join(", ", d.Value.Select(r.Code))}")))}</dd>")}
            </dl>
            """);
        if (coverage is not null)
            html.Append($"<p class=\"coverage\">{Html.E(r.F("metric.coverage", coverage.Observations, coverage.Regions.Count, Years(coverage.Years)))}</p>");
        if (figures.Count > 0)
        {
            html.Append($"""
                <figure class="chartbox">
                <figcaption><h2>{Html.E(r.T("metric.chart"))} <span class="other">({Html.E(r.Unit(metric.Unit) is { Length: > 0 } unit ? unit : metric.Unit)})</span></h2></figcaption>
                {ExploreChart.Svg(r, metric, figures, [.. regions.Select(x => x.Code)])}
                {ExploreChart.Legend(r, regions, figures.Select(o => o.Kind).Order(StringComparer.Ordinal), figures.Select(o => o.Qualifier).Order(StringComparer.Ordinal))}
                <p class="hint">{Html.E(r.T("metric.chart.desc"))}</p>
                </figure>
                """);
        }
        html.Append(Compare(r, metric, figures));
        var broken = figures.Any(o => o.Dimensions != Dimensions.None);
        html.Append($"<h2 id=\"figures\">{Html.E(r.T("metric.table"))}</h2><div class=\"scroll\"><table class=\"figures\"><thead><tr>")
            .Append($"<th scope=\"col\">{Html.E(r.T("col.region"))}</th><th scope=\"col\">{Html.E(r.T("col.year"))}</th><th scope=\"col\">{Html.E(r.T("col.kind"))}</th>")
            .Append(broken ? $"<th scope=\"col\">{Html.E(r.T("col.dimensions"))}</th>" : "")
            .Append($"<th scope=\"col\">{Html.E(r.T("col.value"))}</th><th scope=\"col\">{Html.E(r.T("col.normalised"))}</th><th scope=\"col\">{Html.E(r.T("col.quote"))}</th></tr></thead><tbody>");
        foreach (var o in figures.OrderBy(o => regions.IndexOf(o.Region!)).ThenBy(o => o.Year).ThenBy(o => o.Kind, StringComparer.Ordinal))
            html.Append($"<tr id=\"fig-{Html.E(o.Id)}\"><td><a href=\"{r.Link($"/explore/regions/{Uri.EscapeDataString(o.RegionCode)}")}\">{Html.E(r.Name(o.Region!.NameZh, o.Region.NameEn))}</a></td>")
                .Append($"<td>{o.Year}</td><td><span class=\"badge kind-{Html.E(o.Kind)}\">{Html.E(r.Code(o.Kind))}</span>{(o.Headline ? $" <span class=\"badge headline\" title=\"{Html.E(r.T("headline.title"))}\">★ {Html.E(r.T("headline.badge"))}</span>" : "")}</td>")
                .Append(broken ? $"<td>{Html.E(DimensionsText(r, o.Dimensions))}</td>" : "")
                .Append($"<td lang=\"zh-Hans\">{Html.E(o.ValueAsWritten)}</td>")
                .Append($"<td class=\"num\">{Html.E(ExploreValue.Format(r, o))}{(o.Qualifier == "EXACT" ? "" : $"<br><span class=\"badge qualifier\">{Html.E(r.Code(o.Qualifier))}</span>")}</td><td><span lang=\"zh-Hans\">{ExploreSearchPage.Sentence(o, null)}</span><br><span lang=\"en\" class=\"en\">{Html.E(o.QuoteEn)}</span>")
                .Append($" <a href=\"{r.Link($"/explore/sources/{Uri.EscapeDataString(o.SourceId)}", fragment: $"fig-{o.Id}")}\">{Html.E(r.T("check.context"))}</a></td></tr>");
        html.Append("</tbody></table></div>");
        html.Append($"<p><a href=\"{r.Link("/explore", ("metric", metric.Code))}\">{Html.E(r.T("metric.search"))}</a></p>");
        return html.ToString();
    }

    /// <summary>A figure's dimensions in words ("population: key groups"), empty when it has none.</summary>
    public static string DimensionsText(ExploreRequest r, string dimensions) =>
        string.Join("; ", Dimensions.Parse(dimensions).Select(p => $"{r.Code(p.Key)}: {r.Code(p.Value)}"));

    /// <summary>
    /// The like-for-like groups of this metric (same dimensions, unit and kind, two or more regions; <see cref="Comparison"/>),
    /// each linked to its rows in /api/v1/compare, which GraphQL compare also answers.
    /// </summary>
    private static string Compare(ExploreRequest r, Metric metric, IReadOnlyList<Observation> figures)
    {
        var html = new StringBuilder($"<section class=\"compare\" aria-labelledby=\"compare-h\"><h2 id=\"compare-h\">{Html.E(r.T("metric.compare"))}</h2>");
        var groups = Comparison.Groups(figures, code => code == metric.Code ? metric : null);
        if (groups.Count == 0) return html.Append($"<p class=\"hint\">{Html.E(r.T("metric.compare.none"))}</p></section>").ToString();
        html.Append($"<p>{Html.E(r.F("metric.compare.desc", groups.Count))}</p><ul>");
        foreach (var g in groups)
        {
            var query = new List<(string Key, string? Value)> { ("metric", metric.Code), ("kind", g.Kind) };
            query.AddRange(Dimensions.Parse(g.Dimensions).Select(p => ($"dimension.{p.Key}", (string?)p.Value)));
            var link = "/api/v1/compare?" + string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
            var what = string.Join(" · ", new[] { DimensionsText(r, g.Dimensions), r.Code(g.Kind), r.Unit(g.Unit) }.Where(s => s.Length > 0));
            var regionNames = string.Join(", ", g.Observations.Select(o => o.Region is null ? o.RegionCode : r.Name(o.Region.NameZh, o.Region.NameEn)).Distinct());
            html.Append($"<li><a href=\"{Html.E(link)}\" class=\"compare-link\">{Html.E(what)}</a>: {Html.E(regionNames)}</li>");
        }
        return html.Append("</ul></section>").ToString();
    }

    public static string Metrics(ExploreRequest r, IReadOnlyCollection<Metric> metrics, Coverage coverage, IReadOnlyDictionary<string, Region> regions)
    {
        var html = new StringBuilder($"<h1>{Html.E(r.T("metrics.title"))}</h1><p>{Html.E(r.T("metrics.intro"))}</p>");
        var categories = metrics.GroupBy(m => m.Category).OrderByDescending(g => g.Count()).ToList();
        html.Append("<nav class=\"toc\" aria-label=\"").Append(Html.E(r.T("facet.category"))).Append("\"><ul>");
        foreach (var g in categories) html.Append($"<li><a href=\"#cat-{Html.E(g.Key)}\">{Html.E(r.Code(g.Key))}</a> <span class=\"count\">{g.Count()}</span></li>");
        html.Append("</ul></nav>");
        foreach (var g in categories)
        {
            html.Append($"<h2 id=\"cat-{Html.E(g.Key)}\">{Html.E(r.Code(g.Key))}</h2><div class=\"scroll\"><table class=\"metrics\"><thead><tr>")
                .Append($"<th scope=\"col\">{Html.E(r.T("col.metric"))}</th><th scope=\"col\">{Html.E(r.T("metric.unit"))}</th><th scope=\"col\">{Html.E(r.T("col.figures"))}</th><th scope=\"col\">{Html.E(r.T("col.regions"))}</th><th scope=\"col\">{Html.E(r.T("col.years"))}</th></tr></thead><tbody>");
            foreach (var m in g.OrderByDescending(m => coverage.Metrics.GetValueOrDefault(m.Code)?.Regions.Count ?? 0).ThenBy(m => m.Code, StringComparer.Ordinal))
            {
                var c = coverage.Metrics.GetValueOrDefault(m.Code);
                html.Append($"<tr><td><a href=\"{r.Link($"/explore/metrics/{Uri.EscapeDataString(m.Code)}")}\">{Html.E(r.Name(m.NameZh, m.NameEn))}</a><br><span class=\"other\" lang=\"{r.OtherLang}\">{Html.E(r.OtherName(m.NameZh, m.NameEn))}</span></td>")
                    .Append($"<td>{Html.E(r.Unit(m.Unit))}</td><td class=\"num\">{c?.Observations ?? 0}</td><td>{Html.E(string.Join(", ", (c?.Regions ?? []).Select(code => regions.TryGetValue(code, out var x) ? r.Name(x.NameZh, x.NameEn) : code)))}</td><td>{Html.E(Years(c?.Years ?? []))}</td></tr>");
            }
            html.Append("</tbody></table></div>");
        }
        return html.ToString();
    }

    public static string Region(ExploreRequest r, Region region, Region? parent, IReadOnlyList<Region> children, IReadOnlyList<Observation> figures, Coverage coverage)
    {
        var name = r.Name(region.NameZh, region.NameEn);
        var html = new StringBuilder();
        html.Append($"""
            <h1>{Html.E(name)} <span class="other" lang="{r.OtherLang}">{Html.E(r.OtherName(region.NameZh, region.NameEn))}</span></h1>
            <dl class="facts">
            <dt>{Html.E(r.T("col.code"))}</dt><dd><code>{Html.E(region.Code)}</code></dd>
            <dt>{Html.E(r.T("col.level"))}</dt><dd>{Html.E(r.Code(region.Level))}</dd>
            """);
        if (parent is not null)
            html.Append($"<dt>{Html.E(r.T("region.parent"))}</dt><dd><a href=\"{r.Link($"/explore/regions/{Uri.EscapeDataString(parent.Code)}")}\">{Html.E(r.Name(parent.NameZh, parent.NameEn))}</a> <code>{Html.E(parent.Code)}</code></dd>");
        if (children.Count > 0)
        {
            html.Append($"<dt>{Html.E(r.T("region.children"))}</dt><dd><ul class=\"inline\">");
            foreach (var c in children)
                html.Append($"<li><a href=\"{r.Link($"/explore/regions/{Uri.EscapeDataString(c.Code)}")}\">{Html.E(r.Name(c.NameZh, c.NameEn))}</a> <code>{Html.E(c.Code)}</code> <span class=\"count\">{coverage.RegionCounts.GetValueOrDefault(c.Code)}</span></li>");
            html.Append("</ul></dd>");
        }
        html.Append("</dl>");
        html.Append($"<p><a class=\"button\" href=\"{r.Link("/explore", ("region", region.Code))}\">{Html.E(r.F("region.below", name))}</a></p>");
        html.Append($"<h2>{Html.E(r.F("region.figures", name))}</h2>");
        if (figures.Count == 0) html.Append($"<p>{Html.E(r.T("region.none"))}</p>");
        foreach (var g in figures.GroupBy(o => o.Metric!.Category).OrderBy(g => CategoryRank(g.Key)).ThenByDescending(g => g.Count()))
        {
            html.Append($"<h3>{Html.E(r.Code(g.Key))} <span class=\"count\">{g.Count()}</span></h3><div class=\"scroll\"><table class=\"figures\"><thead><tr>")
                .Append($"<th scope=\"col\">{Html.E(r.T("col.metric"))}</th><th scope=\"col\">{Html.E(r.T("col.year"))}</th><th scope=\"col\">{Html.E(r.T("col.kind"))}</th><th scope=\"col\">{Html.E(r.T("col.value"))}</th><th scope=\"col\">{Html.E(r.T("col.quote"))}</th></tr></thead><tbody>");
            foreach (var o in g.OrderBy(o => o.MetricCode, StringComparer.Ordinal).ThenByDescending(o => o.Year))
                html.Append($"<tr id=\"fig-{Html.E(o.Id)}\"><td><a href=\"{r.Link($"/explore/metrics/{Uri.EscapeDataString(o.MetricCode)}", fragment: $"fig-{o.Id}")}\">{Html.E(r.Name(o.Metric!.NameZh, o.Metric.NameEn))}</a></td>")
                    .Append($"<td>{o.Year}</td><td><span class=\"badge kind-{Html.E(o.Kind)}\">{Html.E(r.Code(o.Kind))}</span></td><td lang=\"zh-Hans\">{Html.E(o.ValueAsWritten)}</td>")
                    .Append($"<td><span lang=\"zh-Hans\">{Html.E(o.Quote)}</span> <a href=\"{r.Link($"/explore/sources/{Uri.EscapeDataString(o.SourceId)}", fragment: $"fig-{o.Id}")}\">{Html.E(r.T("check.context"))}</a></td></tr>");
            html.Append("</tbody></table></div>");
        }
        return html.ToString();
    }

    /// <summary>The report's text with every figure's quote marked where it stands, each numbered and linked to its record.</summary>
    public static string Source(ExploreRequest r, Source source, IReadOnlyList<Observation> figures)
    {
        var html = new StringBuilder();
        html.Append($"""
            <h1 lang="zh-Hans">{Html.E(source.Title)}</h1>
            <p class="other" lang="en">{Html.E(source.TitleEn)}</p>
            <dl class="facts">
            <dt>{Html.E(r.T("source.publisher"))}</dt><dd><span lang="zh-Hans">{Html.E(source.Publisher)}</span> · {Html.E(source.PublisherEn)}</dd>
            <dt>{Html.E(r.T("source.date"))}</dt><dd>{Html.E(source.Date)}</dd>
            <dt>{Html.E(r.T("facet.region"))}</dt><dd><a href="{r.Link($"/explore/regions/{Uri.EscapeDataString(source.RegionCode)}")}">{Html.E(source.Region is null ? source.RegionCode : r.Name(source.Region.NameZh, source.Region.NameEn))}</a></dd>
            </dl>
            <p>{(source.Url is null ? "" : $"<a href=\"{Html.E(source.Url)}\" rel=\"noopener\">{Html.E(r.T("source.original"))}</a> · ")}<a href="/api/v1/sources/{Html.E(Uri.EscapeDataString(source.Id))}/text">{Html.E(r.T("source.plain"))}</a> · <a href="{r.Link("/explore", ("source", source.Id))}">{Html.E(r.F("source.figures", figures.Count))}</a></p>
            <h2>{Html.E(r.T("source.text"))}</h2>
            <p class="hint">{Html.E(r.T("source.howto"))}</p>
            """);
        // Each quote at its first occurrence (as the sentence is found); quotes that overlap share one mark.
        var placed = figures.Select((o, i) => (Figure: o, Number: i + 1, At: source.Text.IndexOf(o.Quote, StringComparison.Ordinal)))
            .Where(p => p.At >= 0 && p.Figure.Quote.Length > 0).OrderBy(p => p.At).ToList();
        var text = new StringBuilder("<div class=\"report\" lang=\"zh-Hans\">");
        var position = 0;
        for (var i = 0; i < placed.Count;)
        {
            var start = Math.Max(placed[i].At, position);
            var end = placed[i].At + placed[i].Figure.Quote.Length;
            var group = new List<(Observation Figure, int Number, int At)> { placed[i] };
            for (i++; i < placed.Count && placed[i].At < end; i++)
            {
                group.Add(placed[i]);
                end = Math.Max(end, placed[i].At + placed[i].Figure.Quote.Length);
            }
            if (end <= start) continue;
            text.Append(Html.E(source.Text[position..start]));
            var ids = string.Join(" ", group.Select(g => $"fig-{g.Figure.Id}"));
            text.Append($"<mark id=\"fig-{Html.E(group[0].Figure.Id)}\" class=\"figure-mark\" title=\"{Html.E(string.Join("; ", group.Select(g => $"{g.Figure.Metric?.NameEn}: {g.Figure.ValueAsWritten}")))}\">");
            text.Append(Html.E(source.Text[start..end])).Append("</mark>");
            foreach (var g in group.Skip(1)) text.Append($"<span id=\"fig-{Html.E(g.Figure.Id)}\"></span>");
            text.Append("<sup class=\"refs\">");
            foreach (var g in group)
                text.Append($"<a href=\"#row-{Html.E(g.Figure.Id)}\" aria-label=\"{Html.E($"{g.Number}: {g.Figure.Metric?.NameEn} {g.Figure.ValueAsWritten}")}\">{g.Number}</a>");
            text.Append("</sup>");
            position = end;
        }
        text.Append(Html.E(source.Text[position..])).Append("</div>");
        html.Append(text);

        html.Append($"<h2>{Html.E(r.F("source.figures", figures.Count))}</h2><div class=\"scroll\"><table class=\"figures\"><thead><tr><th scope=\"col\">#</th>")
            .Append($"<th scope=\"col\">{Html.E(r.T("col.metric"))}</th><th scope=\"col\">{Html.E(r.T("col.region"))}</th><th scope=\"col\">{Html.E(r.T("col.year"))}</th><th scope=\"col\">{Html.E(r.T("col.kind"))}</th><th scope=\"col\">{Html.E(r.T("col.value"))}</th></tr></thead><tbody>");
        foreach (var (o, i) in figures.Select((o, i) => (o, i + 1)))
            html.Append($"<tr id=\"row-{Html.E(o.Id)}\"><td><a href=\"#fig-{Html.E(o.Id)}\">{i}</a></td><td><a href=\"{r.Link($"/explore/metrics/{Uri.EscapeDataString(o.MetricCode)}", fragment: $"fig-{o.Id}")}\">{Html.E(r.Name(o.Metric!.NameZh, o.Metric.NameEn))}</a></td>")
                .Append($"<td>{Html.E(r.Name(o.Region!.NameZh, o.Region.NameEn))}</td><td>{o.Year}</td><td><span class=\"badge kind-{Html.E(o.Kind)}\">{Html.E(r.Code(o.Kind))}</span></td><td lang=\"zh-Hans\">{Html.E(o.ValueAsWritten)}</td></tr>");
        html.Append("</tbody></table></div>");
        return html.ToString();
    }

    /// <summary>Categories in the order a health reporter reads them: outcomes and services first, administration last.</summary>
    private static readonly IReadOnlyList<string> CategoryOrder =
    [
        "health_outcomes", "maternal_child_health", "public_health", "disease_control", "hospital_services", "primary_care", "elderly_care",
        "workforce", "infrastructure", "health_finance", "medical_insurance", "traditional_medicine", "digital_health", "health_promotion", "governance",
    ];

    private static int CategoryRank(string category) => CategoryOrder.ToList().IndexOf(category) is var i and >= 0 ? i : CategoryOrder.Count;

    private static string Years(IReadOnlyList<int> years) =>
        years.Count == 0 ? "" : years.Count == 1 ? years[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{years[0]}–{years[^1]}";
}
