using System.Globalization;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>
/// Figures as a chart: years across, values up, one colour and one legend entry per region and breakdown; actuals are
/// filled dots on solid lines, targets hollow diamonds on dashed lines, changes hollow squares on dotted lines. A value
/// that is a bound or an estimate is drawn apart from an exact one: an arrow up from an "at least" value, down from an
/// "at most" one, a bar from the lower to the upper bound of a range, a "~" beside an approximate value. No script.
/// </summary>
public static class ExploreChart
{
    /// <summary>Colour-blind-safe (Okabe–Ito), dark enough on white.</summary>
    public static readonly IReadOnlyList<string> Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8C6D00", "#3B3B3B", "#5B3A8E", "#A23B3B"];

    /// <summary>How the legend shows the mark of each inexact qualifier.</summary>
    public static readonly IReadOnlyDictionary<string, string> Symbols = new Dictionary<string, string>
    {
        ["AT_LEAST"] = "↑", ["AT_MOST"] = "↓", ["RANGE"] = "↕", ["APPROXIMATE"] = "~",
    };

    public const double Height = 300, Top = 20, Bottom = 40;
    private const double Inset = 8; // percent: the first and last years stand off the edges
    private const double CharWidth = 8.2, AxisPad = 14; // px per character of a 13 px label (digits, commas), and room beside it

    /// <summary>The chart of figures, a series per region and breakdown (and kind), in the order of the regions given.</summary>
    public static ChartModel Build(ExploreRequest r, string title, IReadOnlyList<Observation> figures)
    {
        var minYear = figures.Min(o => o.Year);
        var maxYear = figures.Max(o => o.Year);
        if (minYear == maxYear) { minYear--; maxYear++; }
        var (low, high, step) = Scale(Math.Min(0, figures.Min(o => o.Value)), Math.Max(0, figures.Max(o => Math.Max(o.Value, o.UpperBound ?? o.Value))));
        double Y(double value) => Height - Bottom - (value - low) * (Height - Top - Bottom) / (high - low);

        var values = new List<ChartTick>();
        for (var v = low; v <= high + step / 2; v += step) values.Add(new ChartTick(Y(v), ExploreValue.Number(Math.Round(v, 6))));
        var years = Enumerable.Range(minYear, maxYear - minYear + 1).Select(y => new ChartTick(X(y), y.ToString(CultureInfo.InvariantCulture))).ToList();
        double X(int year) => Inset + (year - minYear) * (100 - 2 * Inset) / (maxYear - minYear);

        var keys = figures.Select(o => (o.RegionCode, o.Dimensions)).Distinct().ToList();
        string Label((string Region, string Dimensions) key)
        {
            var o = figures.First(f => f.RegionCode == key.Region && f.Dimensions == key.Dimensions);
            var breakdown = r.Breakdown(o.Dimensions);
            return breakdown.Length == 0 ? r.RegionName(o) : $"{r.RegionName(o)} · {breakdown}";
        }
        var legend = keys.Select((k, i) => (Label(k), Colours[i % Colours.Count])).ToList();
        // Series are set a little apart within a year, so that equal values (two targets of 90 %) stay visible.
        double Dodge(int i) => keys.Count < 2 ? 0 : (i - (keys.Count - 1) / 2.0) * Math.Min(1.6, 40.0 / keys.Count / (maxYear - minYear + 1));
        var series = new List<ChartSeries>();
        foreach (var g in figures.GroupBy(o => (o.RegionCode, o.Dimensions, o.Kind)).OrderBy(g => g.Key.Kind == "actual" ? 0 : 1))
        {
            var index = keys.IndexOf((g.Key.RegionCode, g.Key.Dimensions));
            var points = g.OrderBy(o => o.Year).Select(p => new ChartPoint(p.Id, X(p.Year) + Dodge(index), Y(p.Value),
                $"{Label((p.RegionCode, p.Dimensions))}, {r.Year(p)}, {r.Code(p.Kind)}: {p.ValueAsWritten} ({ExploreValue.Format(r, p)})",
                p.Kind, p.Qualifier, Bound(p, Y))).ToList();
            // A line only where it means change over time: one point a year (two figures of one year are not a trend).
            var joined = points.Count > 1 && g.Select(p => p.Year).Distinct().Count() == points.Count;
            series.Add(new ChartSeries(Label((g.Key.RegionCode, g.Key.Dimensions)), Colours[index % Colours.Count], g.Key.Kind, points, joined));
        }
        var axisWidth = Math.Ceiling(values.Max(t => t.Label.Length) * CharWidth + AxisPad);
        return new ChartModel(title, r.T("metric.chart.desc"), axisWidth, Height, values, years, series, legend);
    }

    /// <summary>How far a value is from exact, as a path around its mark: nothing for an exact value or a rank.</summary>
    private static string? Bound(Observation p, Func<double, double> y)
    {
        static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        return p.Qualifier switch
        {
            "AT_LEAST" => "M0 -8V-26M-5 -20L0 -26L5 -20",
            "AT_MOST" => "M0 8V26M-5 20L0 26L5 20",
            "RANGE" when p.UpperBound is { } upper =>
                $"M0 {N(y(p.LowerBound ?? p.Value) - y(p.Value))}V{N(y(upper) - y(p.Value))}M-6 {N(y(upper) - y(p.Value))}H6M-6 {N(y(p.LowerBound ?? p.Value) - y(p.Value))}H6",
            _ => null,
        };
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
