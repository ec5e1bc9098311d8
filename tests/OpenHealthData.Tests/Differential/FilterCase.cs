using System.Text.Json;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Tests.Differential;

/// <summary>
/// One generated query, as a client writes it: a where object and an order list in GraphQL's input shape (so that the
/// oracle reads exactly what the API reads), and the Relay page arguments (cursors as text, possibly malformed).
/// </summary>
public sealed record FilterCase(EntityShape Shape, Dictionary<string, object?> Where, List<Dictionary<string, object?>> Order,
    int? First, string? After, int? Last, string? Before, bool WithTotal)
{
    public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Query =>
        $"query($w: {Shape.Name}FilterInput, $o: [{Shape.Name}SortInput!], $f: Int, $a: String, $l: Int, $b: String) " +
        $"{{ {FieldName(Shape)}(where: $w, order: $o, first: $f, after: $a, last: $l, before: $b) {{ {(WithTotal ? "totalCount " : "")}nodes {{ {Shape.KeyField.Name} }} }} }}";

    public object Variables => new { w = Where, o = Order, f = First, a = After, l = Last, b = Before };

    public static string FieldName(EntityShape shape) => shape.Name switch
    {
        "Region" => "regions", "Source" => "sources", "Institution" => "institutions", "Programme" => "programmes",
        "Metric" => "metrics", "Observation" => "observations",
        _ => throw new NotSupportedException(shape.Name),
    };

    public override string ToString() => $"{FieldName(Shape)} {JsonSerializer.Serialize(Variables, Json)}";

    /// <summary>Smaller cases that may fail the same way: fewer conditions, no order, no paging.</summary>
    public IEnumerable<FilterCase> Shrink()
    {
        if (First is not null || After is not null || Last is not null || Before is not null) yield return this with { First = null, After = null, Last = null, Before = null };
        for (var i = 0; i < Order.Count; i++) yield return this with { Order = [.. Order.Where((_, j) => j != i)] };
        foreach (var smaller in ShrinkObject(Where)) yield return this with { Where = smaller };
    }

    private static IEnumerable<Dictionary<string, object?>> ShrinkObject(Dictionary<string, object?> filter)
    {
        foreach (var key in filter.Keys)
        {
            yield return filter.Where(p => p.Key != key).ToDictionary();
            foreach (var value in ShrinkValue(filter[key]))
                yield return filter.Select(p => p.Key == key ? new KeyValuePair<string, object?>(key, value) : p).ToDictionary();
        }
    }

    private static IEnumerable<object?> ShrinkValue(object? value)
    {
        switch (value)
        {
            case Dictionary<string, object?> nested:
                foreach (var smaller in ShrinkObject(nested)) yield return smaller;
                break;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    yield return list.Where((_, j) => j != i).ToList();
                    foreach (var item in ShrinkValue(list[i])) yield return list.Select((x, j) => j == i ? item : x).ToList();
                }
                break;
        }
    }
}
