using System.Runtime.CompilerServices;

namespace OpenHealthData.Data;

/// <summary>
/// The interpolated-string form of <see cref="Sql"/>: the literal text is SQL, a hole of type <see cref="Sql"/> is
/// that SQL, and any other hole is a bound parameter. There is no other way to put text into a statement.
/// </summary>
[InterpolatedStringHandler]
public readonly struct SqlText
{
    private readonly List<object> _parts;

    public SqlText(int literalLength, int formattedCount) => _parts = new List<object>(formattedCount * 2 + 1);

    public void AppendLiteral(string literal) => _parts.Add(literal);

    public void AppendFormatted(Sql sql) => _parts.Add(sql);

    /// <summary>Any value that is not SQL: a parameter.</summary>
    public void AppendFormatted<T>(T value) => _parts.Add(Sql.Parameter(value));

    internal Sql Build() => new(_parts);
}
