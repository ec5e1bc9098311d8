using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Search;

/// <summary>One result: the figure, its cursor, its relevance (higher is better) and where the terms occur in it.</summary>
public sealed record SearchHit(Observation Observation, string Cursor, double Score, IReadOnlyList<FieldMatch> Matches)
{
    public FieldMatch? MatchIn(string field) => Matches.FirstOrDefault(m => m.Field == field);
}
