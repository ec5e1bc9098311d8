using System.Collections;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// Reads a filter object, HotChocolate style (<c>{ field: { op: value } }</c>, <c>and</c>/<c>or</c> lists, nested
/// through references), into a <see cref="FilterNode"/>: the one place that knows the names. GraphQL hands over its
/// input objects bottom-up, so a nested filter may already be a node; anything else is a dictionary.
/// </summary>
public static class FilterParser
{
    /// <returns>The filter (an empty object: no condition), or null for null.</returns>
    public static FilterNode? Parse(EntityShape shape, IDictionary<string, object?>? where)
    {
        if (where is null) return null;
        var parts = new List<FilterNode>();
        foreach (var (name, value) in where)
        {
            if (name is "and" or "or")
            {
                var items = AsList(value, $"{shape.Name}FilterInput.{name}")
                    .Select(item => Node(shape, item, $"{shape.Name}FilterInput.{name}") ?? new FilterNode.AllOf([])).ToList();
                parts.Add(name == "and" ? new FilterNode.AllOf(items) : new FilterNode.AnyOf(items));
            }
            else if (name == "not")
            {
                if (value is null) continue;
                parts.Add(new FilterNode.Not(Node(shape, value, $"{shape.Name}FilterInput.not") ?? new FilterNode.AllOf([])));
            }
            else if (name is "eq" or "neq")
            {
                // the row itself by its key; through a reference, the reference itself (eq: null is "there is none")
                var op = name == "eq" ? FilterOperators.Eq : FilterOperators.Neq;
                parts.Add(new FilterNode.Itself(new Operation(op, Value(shape.KeyField, op, value))));
            }
            else if (shape.FindScalar(name) is { } scalar)
            {
                if (value is null) continue;
                parts.Add(new FilterNode.Compare(scalar, Operations(scalar, AsObject(value, $"{shape.Name}FilterInput.{name}"))));
            }
            else if (shape.FindReference(name) is { } reference)
            {
                if (value is null) continue;
                if (Node(Shapes.For(reference.Target), value, $"{shape.Name}FilterInput.{name}") is { } filter)
                    parts.Add(new FilterNode.Through(reference, filter));
            }
            else throw new QueryArgumentException($"'{name}' is not a field of {shape.Name}FilterInput.");
        }
        return new FilterNode.AllOf(parts);
    }

    /// <summary>A nested filter: already a node, or an object still to read.</summary>
    private static FilterNode? Node(EntityShape shape, object? value, string where) =>
        value as FilterNode ?? Parse(shape, AsObject(value, where));

    /// <summary>The operations on one field: <c>{ eq: 2023, in: [2023, 2024] }</c>.</summary>
    public static IReadOnlyList<Operation> Operations(ScalarField field, IDictionary<string, object?> ops)
    {
        var operations = new List<Operation>(ops.Count);
        foreach (var (name, raw) in ops)
        {
            var op = field.Type.Operator(name)
                ?? throw new QueryArgumentException($"'{name}' is not an operator of field '{field.Name}'; use one of: {string.Join(", ", field.Type.Operators.Select(o => o.Name))}.");
            // A null list is rejected when translated, as a null operand of gt and the like.
            operations.Add(new Operation(op, op.TakesList && raw is not null
                ? AsList(raw, field.Name).Select(v => Value(field, op, v)).ToList()
                : Value(field, op, raw)));
        }
        return operations;
    }

    /// <summary>A filter value in the field's type, or says plainly why it cannot be.</summary>
    private static object? Value(ScalarField field, FilterOperator op, object? raw)
    {
        if (raw is null) return null; // eq/neq null means "is (not) null"; other operators reject it when translated
        return (op.ReadOperand ?? field.Type.Read)(raw)
            ?? throw new QueryArgumentException($"'{Shown(raw)}' is not a valid value for '{op.Name}' on field '{field.Name}' ({field.Type.Expected}).");
    }

    private static string Shown(object raw) { var s = raw.ToString() ?? ""; return s.Length > 40 ? s[..40] + "…" : s; }

    internal static IDictionary<string, object?> AsObject(object? value, string where) =>
        value as IDictionary<string, object?> ?? throw new QueryArgumentException($"{where} must be an object.");

    internal static IEnumerable<object?> AsList(object? value, string where) => value switch
    {
        IDictionary<string, object?> single => [single],
        FilterNode single => [single],
        IEnumerable list and not string => list.Cast<object?>(),
        null => throw new QueryArgumentException($"{where} must be a list, not null."),
        _ => [value], // GraphQL input coercion: a single value where a list is expected
    };
}
