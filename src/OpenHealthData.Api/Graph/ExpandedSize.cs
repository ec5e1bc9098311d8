using GraphQLParser.AST;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// The fields a document selects once every fragment spread is replaced by its fragment, and how deeply they nest:
/// the work any walk of the operation (validation, complexity, execution) may do. Each fragment is measured once and
/// its size reused at every spread, so the count is linear in the document even when the expansion is exponential
/// (the fragment form of the "billion laughs": F1 spreads F0 twice, F2 spreads F1 twice …).
/// </summary>
public sealed class ExpandedSize
{
    /// <summary>Counts saturate here: far above any limit, far below overflow.</summary>
    private const long Saturated = 1L << 50;

    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    /// <summary>Sizes of the fragments measured so far; null while one is being measured (a cycle, reported by validation).</summary>
    private readonly Dictionary<string, (long Fields, int Depth)?> _measured = new(StringComparer.Ordinal);

    /// <summary>Fields selected by all operations, fragments expanded.</summary>
    public long Fields { get; private set; }
    /// <summary>Deepest nesting of fields with a selection set, counted as the complexity analyser counts it (the operation is level 1).</summary>
    public int Depth { get; private set; }
    /// <summary>Selections visited to find the two: each selection of the document once.</summary>
    public int Visited { get; private set; }

    private ExpandedSize() { }

    public static ExpandedSize Of(GraphQLDocument document)
    {
        var size = new ExpandedSize();
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            size._fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var (fields, depth) = size.Measure(operation.SelectionSet);
            size.Fields = Math.Min(Saturated, size.Fields + fields);
            size.Depth = Math.Max(size.Depth, depth + 1); // the operation's own level, as the analyser counts
        }
        return size;
    }

    private (long Fields, int Depth) Measure(GraphQLSelectionSet set)
    {
        long fields = 0;
        var depth = 0;
        foreach (var selection in set.Selections)
        {
            Visited++;
            var (f, d) = selection switch
            {
                GraphQLField { SelectionSet: null } => (1, 0),
                GraphQLField field => WithParent(Measure(field.SelectionSet)),
                GraphQLInlineFragment inline => Measure(inline.SelectionSet),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                _ => (0L, 0),
            };
            fields = Math.Min(Saturated, fields + f);
            depth = Math.Max(depth, d);
        }
        return (fields, depth);
    }

    /// <summary>A field's own size: itself and one level more than what it selects.</summary>
    private static (long Fields, int Depth) WithParent((long Fields, int Depth) below) => (below.Fields + 1, below.Depth + 1);

    private (long Fields, int Depth) Fragment(string name)
    {
        if (_measured.TryGetValue(name, out var known)) return known ?? default;
        if (!_fragments.TryGetValue(name, out var fragment)) return default; // unknown: validation says so
        _measured[name] = null;
        var size = Measure(fragment.SelectionSet);
        _measured[name] = size;
        return size;
    }
}
