using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Search;

/// <summary>One result: the figure, its cursor, its relevance (higher is better) and where the terms occur in it.</summary>
public sealed record SearchHit(Observation Observation, string Cursor, double Score, IReadOnlyList<FieldMatch> Matches)
{
    public FieldMatch? MatchIn(string field) => Matches.FirstOrDefault(m => m.Field == field);

    /// <summary>The figure's breakdown (dimension → value, as codes; empty when it has none): what tells two figures of one sentence apart.</summary>
    public IReadOnlyDictionary<string, string> Breakdown => Dimensions.Parse(Observation.Dimensions).ToDictionary(p => p.Key, p => p.Value);
}
