using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Explore;

/// <summary>A report's text cut into pieces, with every figure's quote marked where it stands and numbered in the order of the figures.</summary>
public static class ExploreReport
{
    public static IReadOnlyList<ReportPiece> Pieces(ExploreRequest r, Source source, IReadOnlyList<Observation> figures)
    {
        // Each quote at its first occurrence (as the sentence is found); quotes that overlap share one mark.
        var placed = figures.Select((o, i) => (Figure: o, Number: i + 1, At: source.Text.IndexOf(o.Quote, StringComparison.Ordinal)))
            .Where(p => p.At >= 0 && p.Figure.Quote.Length > 0).OrderBy(p => p.At).ToList();
        var pieces = new List<ReportPiece>();
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
            pieces.Add(new ReportPiece(source.Text[position..start], null, null, []));
            string Label(Observation o) => $"{(o.Metric is null ? o.MetricCode : r.Name(o.Metric.NameZh, o.Metric.NameEn))}: {o.ValueAsWritten}";
            pieces.Add(new ReportPiece(source.Text[start..end], $"fig-{group[0].Figure.Id}", string.Join("; ", group.Select(g => Label(g.Figure))),
                [.. group.Select(g => (g.Number, g.Figure.Id, $"{g.Number}: {Label(g.Figure)}"))]));
            position = end;
        }
        pieces.Add(new ReportPiece(source.Text[position..], null, null, []));
        return pieces;
    }
}
