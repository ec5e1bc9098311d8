namespace OpenHealthData.Data;

/// <summary>Told of every statement <see cref="ReadConnections"/> runs (the tests count them; nothing else needs to).</summary>
public interface IStatementObserver
{
    /// <param name="sql">The statement text.</param>
    /// <param name="parameters">The values of @p0, @p1 … in order.</param>
    void Executing(string sql, IReadOnlyList<object?> parameters);
}
