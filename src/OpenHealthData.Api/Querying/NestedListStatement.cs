using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// A nested list's statement, written for its arguments and selection with its parents left open (see
/// <see cref="ListQueries.FirstPerParentStatement{T}"/>): the text, its parameters, which of them holds the parents
/// (a JSON array), and the reader of its rows.
/// </summary>
public sealed record NestedListStatement<T>(string Text, IReadOnlyList<object?> Parameters, int ParentsAt, Func<SqlRow, T> Read);
