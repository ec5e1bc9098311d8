using System.Collections;
using System.Text;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// A parsed filter: the typed tree that GraphQL's where/withinRegion and REST's parameters are read into once, and
/// that <see cref="SqlBuilder"/> writes as SQL. Field and operator names were checked when it was built.
/// </summary>
public abstract record FilterNode
{
    /// <summary>All of the parts (a filter object's fields, or an 'and' list); no parts: no condition.</summary>
    public sealed record AllOf(IReadOnlyList<FilterNode> Parts) : FilterNode;

    /// <summary>Any of the parts (an 'or' list); no parts, or an empty part: no condition.</summary>
    public sealed record AnyOf(IReadOnlyList<FilterNode> Parts) : FilterNode;

    /// <summary>Operations on one column, all of which must hold.</summary>
    public sealed record Compare(ScalarField Field, IReadOnlyList<Operation> Operations) : FilterNode;

    /// <summary>A filter on the row a reference points to (no row: no match).</summary>
    public sealed record Through(ReferenceField Reference, FilterNode Filter) : FilterNode;

    /// <summary>One operation on one column, e.g. year eq 2023.</summary>
    public static FilterNode Where(ScalarField field, FilterOperator op, object? operand) => new Compare(field, [new Operation(op, operand)]);

    /// <summary>Both filters (either may be absent).</summary>
    public static FilterNode? And(FilterNode? left, FilterNode? right) =>
        left is null ? right : right is null ? left : new AllOf([left, right]);

    /// <summary>A canonical text of the filter: equal filters have equal texts (the key of a batch of nested lists).</summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    private void Write(StringBuilder text)
    {
        switch (this)
        {
            case AllOf all: text.Append("and("); WriteAll(text, all.Parts); text.Append(')'); break;
            case AnyOf any: text.Append("or("); WriteAll(text, any.Parts); text.Append(')'); break;
            case Compare compare: text.Append(compare.Field.Name).Append('{').AppendJoin(',', compare.Operations).Append('}'); break;
            case Through through: text.Append(through.Reference.Name).Append('.'); through.Filter.Write(text); break;
        }
    }

    private static void WriteAll(StringBuilder text, IReadOnlyList<FilterNode> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0) text.Append(',');
            parts[i].Write(text);
        }
    }

    /// <summary>An operand as canonical text: strings quoted, lists bracketed, numbers invariant.</summary>
    internal static string Canonical(object? value) => value switch
    {
        null => "null",
        string s => System.Text.Json.JsonSerializer.Serialize(s),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Canonical)) + "]",
        _ => value.ToString() ?? "",
    };
}
