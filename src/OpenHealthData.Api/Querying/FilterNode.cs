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

    /// <summary>A filter on the row a reference points to. A missing reference is a missing row: see <see cref="MatchesMissingRow"/>.</summary>
    public sealed record Through(ReferenceField Reference, FilterNode Filter) : FilterNode;

    /// <summary>The rows the filter does not match (a filter object's 'not').</summary>
    public sealed record Not(FilterNode Filter) : FilterNode;

    /// <summary>
    /// The row itself, compared by its key (a filter object's own eq/neq): through a reference, the reference
    /// itself, so <c>{ institution: { eq: null } }</c> is "no institution".
    /// </summary>
    public sealed record Itself(Operation Operation) : FilterNode;

    /// <summary>Whether the filter sets no condition (an empty object, an 'or' with an empty alternative): every row matches.</summary>
    public bool IsEmpty => this switch
    {
        AllOf all => all.Parts.All(p => p.IsEmpty),
        AnyOf any => any.Parts.Count == 0 || any.Parts.Any(p => p.IsEmpty),
        Compare compare => compare.Operations.Count == 0,
        Through through => through.Filter.IsEmpty,
        _ => false,
    };

    /// <summary>
    /// Whether the filter matches a row that is not there (a reference that is missing). Every field of a missing
    /// row is missing, but a filter through a missing reference matches nothing, however many conditions it has:
    /// only a test of the row itself (<c>{ eq: null }</c>, <c>{ neq: "x" }</c>), its negation, or no condition at all do.
    /// </summary>
    public bool MatchesMissingRow() => IsEmpty || this switch
    {
        AllOf all => all.Parts.All(p => p.MatchesMissingRow()),
        AnyOf any => any.Parts.Any(p => p.MatchesMissingRow()),
        Not not => !not.Filter.MatchesMissingRow(),
        Itself itself => itself.Operation.Operator.MatchesMissing(itself.Operation.Operand),
        // the references of a missing row are missing too
        Through through => through.Filter.MatchesMissingRow(),
        _ => false,
    };

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
            case Not not: text.Append("not("); not.Filter.Write(text); text.Append(')'); break;
            case Itself itself: text.Append("self{").Append(itself.Operation).Append('}'); break;
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
