namespace OpenHealthData.Data;

/// <summary>Told of every statement <see cref="ReadConnections"/> runs (the tests count them; nothing else needs to).</summary>
public interface IStatementObserver
{
    void Executing(string sql);
}
