using System.Collections;
using System.Text;
using System.Text.Json;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Tests.Differential;

/// <summary>
/// The specification of the query language, run over rows in memory: a where object, an order and a Relay page,
/// with the rules of schema/filters.md. It reads the client's input as given, so it shares nothing with the API's
/// parser or SQL but the model's field names.
/// </summary>
public sealed class Oracle(DataSet data)
{
    private const int DefaultPageSize = 50;

    public Outcome Answer(FilterCase query)
    {
        var after = Position(query.After);
        var before = Position(query.Before);
        if (after is -1) return Outcome.Failed("after");
        if (before is -1) return Outcome.Failed("before");

        var rows = data.Rows(query.Shape).Where(r => Matches(query.Shape, query.Where, r)).ToList();
        var keys = SortKeys(query.Shape, query.Order);
        rows.Sort((a, b) => Compare(keys, a, b));
        if (before >= rows.Count) return Outcome.Failed("before");
        if (after >= rows.Count) return Outcome.Failed("after");

        // Relay: the rows after 'after' and before 'before', then the first n, or the last n of those.
        var start = after is { } a ? a + 1 : 0;
        var end = Math.Max(start, before ?? rows.Count);
        var slice = rows[start..end];
        if (query.First is { } first) slice = [.. slice.Take(first)];
        else if (query.Last is { } last) slice = [.. slice.TakeLast(last)];
        else slice = [.. slice.Take(DefaultPageSize)];
        return new Outcome([.. slice.Select(r => DataSet.Key(query.Shape, r))], query.WithTotal ? rows.Count : -1, null);
    }

    /// <summary>A cursor's position; null for none, -1 for a text that is not one ("pos:" and the digits of a position, base64).</summary>
    private static int? Position(string? cursor)
    {
        if (cursor is null) return null;
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            var digits = text.StartsWith("pos:", StringComparison.Ordinal) ? text[4..] : "";
            return digits.Length is > 0 and < 11 && digits.All(char.IsAsciiDigit) && (digits == "0" || digits[0] != '0')
                && long.Parse(digits) < int.MaxValue && Convert.ToBase64String(Encoding.ASCII.GetBytes(text)) == cursor
                ? int.Parse(digits) : -1;
        }
        catch (FormatException) { return -1; }
    }

    /// <summary>Whether a row (null: a row that is missing, behind a missing reference) matches a where object.</summary>
    public bool Matches(EntityShape shape, IReadOnlyDictionary<string, object?> filter, object? row)
    {
        foreach (var (name, value) in filter)
        {
            var holds = name switch
            {
                "and" => Objects(value).All(f => Matches(shape, f, row)),
                "or" => Objects(value) is var alternatives && (alternatives.Count == 0 || alternatives.Any(f => Matches(shape, f, row))),
                "not" => value is null || !Matches(shape, (IReadOnlyDictionary<string, object?>)value, row),
                // the row itself by its key: a missing row has none
                "eq" or "neq" => Holds(name, row is null ? null : DataSet.Key(shape, row), value),
                _ when value is null => true,
                _ when shape.FindScalar(name) is { } field =>
                    ((IReadOnlyDictionary<string, object?>)value).All(op => row is not null && Holds(op.Key, DataSet.Read(field.Selector, row), op.Value)),
                _ when shape.FindReference(name) is { } reference =>
                    Matches(Shapes.For(reference.Target), (IReadOnlyDictionary<string, object?>)value, data.Follow(reference, row)),
                _ => throw new NotSupportedException(name),
            };
            if (!holds) return false;
        }
        return true;
    }

    private static List<IReadOnlyDictionary<string, object?>> Objects(object? list) => [.. ((IEnumerable)list!).Cast<IReadOnlyDictionary<string, object?>>()];

    /// <summary>One operator on one value (null: missing). Negations are exactly the rows their positive does not match.</summary>
    private static bool Holds(string op, object? value, object? operand) => op switch
    {
        "eq" => Equal(value, operand),
        "in" => ((IEnumerable)operand!).Cast<object?>().Any(v => Equal(value, v)),
        "gt" => value is not null && Order(value, operand) > 0,
        "gte" => value is not null && Order(value, operand) >= 0,
        "lt" => value is not null && Order(value, operand) < 0,
        "lte" => value is not null && Order(value, operand) <= 0,
        "contains" => value is string s && s.Contains((string)operand!, StringComparison.Ordinal),
        "startsWith" => value is string s && s.StartsWith((string)operand!, StringComparison.Ordinal),
        "endsWith" => value is string s && s.EndsWith((string)operand!, StringComparison.Ordinal),
        "has" => ((IEnumerable)operand!).Cast<IReadOnlyDictionary<string, object?>>().All(pair => value is string json &&
            JsonSerializer.Deserialize<Dictionary<string, string>>(json) is { } dimensions &&
            dimensions.TryGetValue((string)pair["name"]!, out var v) && v == (string)pair["value"]!),
        "neq" or "nin" or "ncontains" or "nstartsWith" or "nendsWith" => !Holds(op == "neq" ? "eq" : op[1].ToString().ToLowerInvariant() + op[2..], value, operand),
        _ => throw new NotSupportedException(op),
    };

    private static bool Equal(object? value, object? operand) =>
        operand is null ? value is null : value is not null && Order(value, operand) == 0;

    /// <summary>SQLite's order: missing first, numbers by value, text by its UTF-8 bytes, false before true.</summary>
    private static int Order(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)),
        (bool x, bool y) => x.CompareTo(y),
        _ => Convert.ToDouble(a).CompareTo(Convert.ToDouble(b)),
    };

    private sealed record Key(IReadOnlyList<ReferenceField> Path, ScalarField Field, bool Descending);

    private static List<Key> SortKeys(EntityShape shape, List<Dictionary<string, object?>> order)
    {
        var keys = new List<Key>();
        foreach (var item in order)
            foreach (var (name, value) in item)
                keys.AddRange(SortKeys(shape, name, value, []));
        keys.Add(new Key([], shape.KeyField, false));
        return keys;
    }

    private static IEnumerable<Key> SortKeys(EntityShape shape, string name, object? value, IReadOnlyList<ReferenceField> path) =>
        shape.FindScalar(name) is { } field ? [new Key(path, field, (string)value! == "DESC")]
        : shape.FindReference(name) is { } reference
            ? ((IReadOnlyDictionary<string, object?>)value!).SelectMany(p => SortKeys(Shapes.For(reference.Target), p.Key, p.Value, [.. path, reference]))
            : throw new NotSupportedException(name);

    private int Compare(List<Key> keys, object a, object b)
    {
        foreach (var key in keys)
        {
            var c = Order(Value(key, a), Value(key, b));
            if (c != 0) return key.Descending ? -c : c;
        }
        return 0;
    }

    private object? Value(Key key, object row)
    {
        object? at = row;
        foreach (var reference in key.Path) at = data.Follow(reference, at);
        return at is null ? null : DataSet.Read(key.Field.Selector, at);
    }
}
