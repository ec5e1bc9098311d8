using System.Globalization;
using System.Text;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// A metric's figures as a server-side SVG chart: years across, values up, one colour per region; actuals are filled
/// dots on solid lines, targets hollow diamonds on dashed lines, changes hollow squares on dotted lines. Every point
/// links to its row of the table, which carries the quote. A value that is a bound or an estimate is drawn apart
/// from an exact one: an arrow up from an "at least" value, down from an "at most" one, a bar from the lower to the
/// upper bound of a range, a "~" beside an approximate value. No script, no library.
/// </summary>
public static class ExploreChart
{
    /// <summary>Colour-blind-safe (Okabe–Ito), dark enough on white.</summary>
    public static readonly IReadOnlyList<string> Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8C6D00", "#3B3B3B", "#5B3A8E", "#A23B3B"];

    /// <summary>How the legend shows the mark of each inexact qualifier.</summary>
    private static readonly IReadOnlyDictionary<string, string> Symbols = new Dictionary<string, string>
    {
        ["AT_LEAST"] = "↑", ["AT_MOST"] = "↓", ["RANGE"] = "↕", ["APPROXIMATE"] = "~",
    };

    private const double Width = 720, Height = 340, Left = 84, Right = 24, Top = 20, Bottom = 48;

    public static string Svg(ExploreRequest r, Metric metric, IReadOnlyList<Observation> figures, IReadOnlyList<string> regionOrder)
    {
        var minYear = figures.Min(o => o.Year);
        var maxYear = figures.Max(o => o.Year);
        if (minYear == maxYear) { minYear--; maxYear++; }
        var (low, high, step) = Scale(Math.Min(0, figures.Min(o => o.Value)), Math.Max(0, figures.Max(o => Math.Max(o.Value, o.UpperBound ?? o.Value))));
        const double inset = 36; // the first and last years stand off the axes, so that points never cover a label
        double X(int year) => Left + inset + (year - minYear) * (Width - Left - Right - 2 * inset) / (maxYear - minYear);
        double Y(double value) => Height - Bottom - (value - low) * (Height - Top - Bottom) / (high - low);
        static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var title = $"{r.Name(metric.NameZh, metric.NameEn)} ({r.Unit(metric.Unit)})";
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" viewBox=\"0 0 {N(Width)} {N(Height)}\" role=\"group\" aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title id=\"chart-title\">{Html.E(title)}</title><desc id=\"chart-desc\">{Html.E(r.T("metric.chart.desc"))}</desc>");
        svg.Append("<g class=\"axis\" aria-hidden=\"true\">");
        for (var v = low; v <= high + step / 2; v += step)
            svg.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Y(v))}\" y2=\"{N(Y(v))}\" class=\"grid\"/><text x=\"{N(Left - 10)}\" y=\"{N(Y(v))}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Html.E(Html.Number(Math.Round(v, 6)))}</text>");
        for (var year = minYear; year <= maxYear; year++)
            svg.Append($"<text x=\"{N(X(year))}\" y=\"{N(Height - Bottom + 10)}\" text-anchor=\"middle\" dominant-baseline=\"hanging\">{year}</text>");
        svg.Append("</g>");

        // Regions are set a little apart within a year, so that equal values (two targets of 90 %) stay visible.
        var regionCount = regionOrder.Count;
        double Dodge(int region) => regionCount < 2 ? 0 : (region - (regionCount - 1) / 2.0) * Math.Min(16, (Width - Left - Right - 2 * inset) / (maxYear - minYear) / (2.0 * regionCount));
        foreach (var series in figures.GroupBy(o => (o.RegionCode, o.Kind)).OrderBy(g => g.Key.Kind == "actual" ? 0 : 1))
        {
            var region = Math.Max(0, regionOrder.ToList().IndexOf(series.Key.RegionCode));
            var colour = Colours[region % Colours.Count];
            var points = series.OrderBy(o => o.Year).ToList();
            var dash = series.Key.Kind switch { "actual" => "", "target" => " stroke-dasharray=\"6 4\"", _ => " stroke-dasharray=\"2 3\"" };
            // A line only where it means change over time: one point a year (two figures of one year are not a trend).
            if (points.Count > 1 && points.DistinctBy(p => p.Year).Count() == points.Count)
                svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash} points=\"{string.Join(" ", points.Select(p => $"{N(X(p.Year) + Dodge(region))},{N(Y(p.Value))}"))}\" aria-hidden=\"true\"/>");
            foreach (var p in points)
            {
                var name = p.Region is null ? p.RegionCode : r.Name(p.Region.NameZh, p.Region.NameEn);
                var breakdown = ExplorePages.DimensionsText(r, p.Dimensions);
                var label = $"{name} {p.Year}, {r.Code(p.Kind)}{(breakdown.Length > 0 ? $", {breakdown}" : "")}: {p.ValueAsWritten} ({ExploreValue.Format(r, p)})";
                var (x, y) = (X(p.Year) + Dodge(region), Y(p.Value));
                var mark = p.Kind switch
                {
                    "actual" => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"6\" fill=\"{colour}\"/>",
                    "target" => $"<path d=\"M{N(x)} {N(y - 7)}L{N(x + 7)} {N(y)}L{N(x)} {N(y + 7)}L{N(x - 7)} {N(y)}Z\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2.5\"/>",
                    _ => $"<rect x=\"{N(x - 5)}\" y=\"{N(y - 5)}\" width=\"10\" height=\"10\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2.5\"/>",
                };
                svg.Append($"<a href=\"#fig-{Html.E(p.Id)}\" aria-label=\"{Html.E(label)}\" class=\"point\" data-kind=\"{Html.E(p.Kind)}\" data-qualifier=\"{Html.E(p.Qualifier)}\"><title>{Html.E(label)}</title>{Bound(p, x, y, Y, colour)}{mark}</a>");
            }
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>How far a value is from exact, drawn behind its mark: nothing for an exact value or a rank.</summary>
    private static string Bound(Observation p, double x, double y, Func<double, double> yOf, string colour)
    {
        static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        return p.Qualifier switch
        {
            "AT_LEAST" => $"<path class=\"bound\" d=\"M{N(x)} {N(y - 8)}V{N(y - 26)}M{N(x - 5)} {N(y - 20)}L{N(x)} {N(y - 26)}L{N(x + 5)} {N(y - 20)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>",
            "AT_MOST" => $"<path class=\"bound\" d=\"M{N(x)} {N(y + 8)}V{N(y + 26)}M{N(x - 5)} {N(y + 20)}L{N(x)} {N(y + 26)}L{N(x + 5)} {N(y + 20)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>",
            "RANGE" when p.UpperBound is { } upper => $"<path class=\"bound\" d=\"M{N(x)} {N(yOf(p.LowerBound ?? p.Value))}V{N(yOf(upper))}M{N(x - 6)} {N(yOf(upper))}H{N(x + 6)}M{N(x - 6)} {N(yOf(p.LowerBound ?? p.Value))}H{N(x + 6)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>",
            "APPROXIMATE" => $"<text class=\"bound\" x=\"{N(x + 9)}\" y=\"{N(y - 6)}\" style=\"fill:{colour}\" font-size=\"16\" font-weight=\"bold\">~</text>",
            _ => "",
        };
    }

    /// <summary>A legend in HTML: each region's colour, and the marks of the kinds.</summary>
    public static string Legend(ExploreRequest r, IReadOnlyList<Region> regions, IEnumerable<string> kinds, IEnumerable<string> qualifiers)
    {
        var html = new StringBuilder("<ul class=\"legend\">");
        for (var i = 0; i < regions.Count; i++)
            html.Append($"<li><span class=\"swatch\" style=\"background:{Colours[i % Colours.Count]}\"></span>{Html.E(r.Name(regions[i].NameZh, regions[i].NameEn))}</li>");
        foreach (var kind in kinds.Distinct())
            html.Append($"<li><span class=\"mark mark-{Html.E(kind)}\" aria-hidden=\"true\"></span>{Html.E(r.Code(kind))}</li>");
        foreach (var qualifier in qualifiers.Distinct().Where(q => Symbols.ContainsKey(q)))
            html.Append($"<li><span class=\"symbol\" aria-hidden=\"true\">{Symbols[qualifier]}</span>{Html.E(r.Code(qualifier))}</li>");
        return html.Append("</ul>").ToString();
    }

    /// <summary>An axis from low to high in round steps (1, 2 or 5 times a power of ten), about five of them.</summary>
    public static (double Low, double High, double Step) Scale(double min, double max)
    {
        if (max <= min) max = min + 1;
        var raw = (max - min) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }
}
