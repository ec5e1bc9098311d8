using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// One statement of a connection's pages (see <see cref="PageStatements{T}"/>): its text and parameters, which of them
/// hold the rows to skip and to take, the column of the total (when it is counted too), and the reader of its rows.
/// </summary>
public sealed record PageStatement<T>(string Text, IReadOnlyList<object?> Parameters, int SkipAt, int TakeAt, int? TotalAt, Func<SqlRow, T> Read);
