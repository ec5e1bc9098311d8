using System.Text;

namespace OpenHealthData.Data;

/// <summary>
/// A piece of SQL as a value: text written in the code, identifiers taken from the model, and parameters. It is
/// written only through <see cref="SqlText"/> (an interpolated string: <c>Sql.Of($"{column} = {value}")</c>), where a
/// hole is a bound parameter unless it is itself a <see cref="Sql"/>, so a value from a request cannot become SQL
/// text by accident. Rendered, parameters are numbered @p0, @p1 … in order: the same shape of query gives the same
/// text whatever its values, and <see cref="ReadConnections"/> keeps that text prepared.
/// </summary>
public sealed class Sql
{
    /// <summary>Text, a nested <see cref="Sql"/>, or a <see cref="Value"/>.</summary>
    private readonly List<object> _parts;

    internal Sql(List<object> parts) => _parts = parts;

    /// <summary>A bound value (a hole that is not SQL).</summary>
    private sealed record Value(object? Content);

    public static readonly Sql Empty = new([]);

    /// <summary>A condition that always holds.</summary>
    public static readonly Sql True = new(["1"]);

    /// <summary>A condition that never holds.</summary>
    public static readonly Sql False = new(["0"]);

    /// <summary>SQL written as an interpolated string: holes are parameters, or SQL values.</summary>
    public static Sql Of(SqlText text) => text.Build();

    /// <summary>A quoted identifier (a table, a column, an alias): only names the model or the code chose may come here.</summary>
    public static Sql Identifier(string name) => new(["\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""]);

    /// <summary>The parts with <paramref name="separator"/> (code text, e.g. ", " or " AND ") between them.</summary>
    public static Sql Join(string separator, IEnumerable<Sql> parts)
    {
        var joined = new List<object>();
        foreach (var part in parts)
        {
            if (joined.Count > 0) joined.Add(separator);
            joined.Add(part);
        }
        return new(joined);
    }

    /// <summary>Whether nothing is written.</summary>
    public bool IsEmpty => _parts.All(p => p is Sql s ? s.IsEmpty : p is string t && t.Length == 0);

    /// <summary>The statement text and its parameters in order (@p0 is the first).</summary>
    public (string Text, IReadOnlyList<object?> Parameters) Render()
    {
        var text = new StringBuilder();
        var parameters = new List<object?>();
        Render(text, parameters);
        return (text.ToString(), parameters);
    }

    private void Render(StringBuilder text, List<object?> parameters)
    {
        foreach (var part in _parts)
        {
            switch (part)
            {
                case string literal: text.Append(literal); break;
                case Sql nested: nested.Render(text, parameters); break;
                case Value value:
                    text.Append("@p").Append(parameters.Count);
                    parameters.Add(value.Content);
                    break;
            }
        }
    }

    internal static object Parameter(object? value) => new Value(value);

    /// <summary>The text, parameters shown as @p0 … (for messages and docs).</summary>
    public override string ToString() => Render().Text;
}
