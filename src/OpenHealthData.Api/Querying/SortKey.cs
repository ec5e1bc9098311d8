namespace OpenHealthData.Api.Querying;

/// <summary>One key of an order: a column, reached through zero or more references, ascending or descending.</summary>
public sealed record SortKey(IReadOnlyList<ReferenceField> Path, ScalarField Field, bool Descending)
{
    public override string ToString() => string.Concat(Path.Select(p => p.Name + ".")) + Field.Name + (Descending ? " DESC" : " ASC");
}
