using System.Text;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Tests.Differential;

/// <summary>
/// Random queries over a data set: every operator of every field, and/or/not, filters through every reference (and
/// the reference itself), nulls in lists, values taken from the data and then cut, re-cased or replaced by empty,
/// Unicode and pattern-like texts; random orders, page sizes and cursors (valid, past the end and malformed).
/// </summary>
public sealed class CaseGenerator(DataSet data)
{
    private static readonly string[] Texts = ["", "a", "A", "Ab", "ab", "AB", "%", "_", "a%b_", "\\", "*", "?", "[a]", "é", "É", "乐清", "卫生", "🙂", "x🙂y", " ", "'", "\""];
    private static readonly string[] BadCursors = ["", "!!", "cG9zOjM", Cursor("pos:-1"), Cursor("pos:+1"), Cursor("pos:01"), Cursor("pos:2147483647"), Cursor("pos:99999999999"), Cursor("{\"id\":1}"), Cursor("pos:")];

    private static string Cursor(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    public FilterCase Case(Random random, EntityShape? shape = null)
    {
        shape ??= DataSet.Queried[random.Next(DataSet.Queried.Count)];
        var (first, after, last, before) = random.Next(8) switch
        {
            0 or 1 or 2 => ((int?)random.Next(0, 12), (string?)null, (int?)null, (string?)null),
            3 => (null, null, null, null),
            4 => (random.Next(0, 8), Position(random), null, null),
            5 => (null, null, random.Next(0, 8), Position(random)),
            6 => (random.Next(0, 8), Position(random), null, Position(random)),
            _ => (random.Next(0, 5), BadCursors[random.Next(BadCursors.Length)], null, null),
        };
        return new FilterCase(shape, Filter(random, shape, depth: 3), Order(random, shape), first, after, last, before, WithTotal: random.Next(2) == 0);
    }

    /// <summary>A cursor, mostly of a row near the start (most filters match few rows), sometimes far past the end.</summary>
    private static string Position(Random random) => Paging.Encode(random.Next(10) switch { 0 => random.Next(0, 500), 1 => 2147483646, _ => random.Next(0, 6) });

    public Dictionary<string, object?> Filter(Random random, EntityShape shape, int depth)
    {
        var filter = new Dictionary<string, object?>();
        var entries = random.Next(10) == 0 ? 0 : random.Next(1, depth > 1 ? 3 : 2);
        for (var i = 0; i < entries; i++)
        {
            var roll = random.Next(100);
            if (roll < 55 || depth == 0)
            {
                var field = shape.Scalars[random.Next(shape.Scalars.Count)];
                filter[field.Name] = Operations(random, shape, field);
            }
            else if (roll < 70 && shape.References.Count > 0)
            {
                var reference = shape.References[random.Next(shape.References.Count)];
                filter[reference.Name] = Filter(random, Shapes.For(reference.Target), depth - 1);
            }
            else if (roll < 85)
                filter[random.Next(2) == 0 ? "and" : "or"] = Enumerable.Range(0, random.Next(0, 3)).Select(_ => (object?)Filter(random, shape, depth - 1)).ToList();
            else if (roll < 92)
                filter["not"] = Filter(random, shape, depth - 1);
            else
                filter[random.Next(2) == 0 ? "eq" : "neq"] = random.Next(3) == 0 ? null : Text(random, shape, shape.KeyField);
        }
        return filter;
    }

    private Dictionary<string, object?> Operations(Random random, EntityShape shape, ScalarField field)
    {
        var operators = field.Type.Operators;
        var ops = new Dictionary<string, object?>();
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            var op = operators[random.Next(operators.Count)];
            ops[op.Name] = op.Name switch
            {
                "has" => Enumerable.Range(0, random.Next(0, 3)).Select(_ => (object?)Pair(random, shape, field)).ToList(),
                "in" or "nin" => Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(5) == 0 ? null : Value(random, shape, field)).ToList(),
                "eq" or "neq" when random.Next(6) == 0 => null,
                _ => Value(random, shape, field),
            };
        }
        return ops;
    }

    private object Value(Random random, EntityShape shape, ScalarField field)
    {
        var type = field.Type;
        if (type.Values is { } words) return words[random.Next(words.Count)];
        if (type == ColumnTypes.Boolean) return random.Next(2) == 0;
        if (type == ColumnTypes.Int || type == ColumnTypes.Float)
        {
            var values = data.Values(shape, field);
            var number = values.Count > 0 && random.Next(5) > 0 ? Convert.ToDouble(values[random.Next(values.Count)]) : random.Next(-3, 3000);
            number += random.Next(4) == 0 ? random.Next(-1, 2) : 0;
            return type == ColumnTypes.Int ? (int)number : random.Next(4) == 0 ? number + 0.5 : number;
        }
        return Text(random, shape, field);
    }

    /// <summary>A text: a value of the column, often cut to a part, re-cased, or one of the awkward texts.</summary>
    private string Text(Random random, EntityShape shape, ScalarField field)
    {
        var values = data.Values(shape, field);
        if (values.Count == 0 || random.Next(5) == 0) return Texts[random.Next(Texts.Length)];
        var text = (string)values[random.Next(values.Count)];
        var runes = text.EnumerateRunes().ToList();
        string Runes(int from, int count) => string.Concat(runes.Skip(from).Take(count));
        var cut = random.Next(0, runes.Count + 1);
        return random.Next(8) switch
        {
            0 or 1 or 2 => text,
            3 => Runes(0, cut),
            4 => Runes(cut, runes.Count),
            5 => Runes(random.Next(0, runes.Count + 1), random.Next(0, 4)),
            6 => text.ToUpperInvariant(),
            _ => text.ToLowerInvariant(),
        };
    }

    /// <summary>A name/value pair for has: one a figure has, or not.</summary>
    private Dictionary<string, object?> Pair(Random random, EntityShape shape, ScalarField field)
    {
        var pairs = data.Values(shape, field).SelectMany(v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>((string)v) ?? []).ToList();
        var (name, value) = pairs.Count > 0 && random.Next(4) > 0 ? pairs[random.Next(pairs.Count)] : new("population", Texts[random.Next(Texts.Length)]);
        return new() { ["name"] = name, ["value"] = random.Next(6) == 0 ? value.ToUpperInvariant() : value };
    }

    private static List<Dictionary<string, object?>> Order(Random random, EntityShape shape)
    {
        var order = new List<Dictionary<string, object?>>();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var direction = random.Next(2) == 0 ? "ASC" : "DESC";
            if (shape.References.Count > 0 && random.Next(4) == 0)
            {
                var reference = shape.References[random.Next(shape.References.Count)];
                var target = Shapes.For(reference.Target);
                order.Add(new() { [reference.Name] = new Dictionary<string, object?> { [target.Scalars[random.Next(target.Scalars.Count)].Name] = direction } });
            }
            else order.Add(new() { [shape.Scalars[random.Next(shape.Scalars.Count)].Name] = direction });
        }
        return order;
    }
}
