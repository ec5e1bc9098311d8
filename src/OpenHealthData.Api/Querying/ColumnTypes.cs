using System.Globalization;

namespace OpenHealthData.Api.Querying;

/// <summary>
/// The field types of the query language, one row each. A new type of column (an enum, a yes/no) is one row here;
/// the GraphQL operator inputs, the filter translation, the REST parsing and the docs follow from it.
/// </summary>
public static class ColumnTypes
{
    public static readonly ColumnType String = new("String", ColumnTraits.Equatable | ColumnTraits.Listable | ColumnTraits.Text, "text",
        raw => raw as string);

    public static readonly ColumnType Int = new("Int", ColumnTraits.Equatable | ColumnTraits.Listable | ColumnTraits.Ordered, "whole number", raw => raw switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        string s when int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    });

    public static readonly ColumnType Float = new("Float", ColumnTraits.Equatable | ColumnTraits.Listable | ColumnTraits.Ordered, "number", raw => raw switch
    {
        double d => d,
        int i => (double)i,
        long l => (double)l,
        decimal m => (double)m,
        float f => (double)f,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    });

    /// <summary>Yes or no: equality only, as HotChocolate's BooleanOperationFilterInput.</summary>
    public static readonly ColumnType Boolean = new("Boolean", ColumnTraits.Equatable, "true or false", raw => raw switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => null,
    });

    /// <summary>A figure's dimensions, canonical JSON text: the text operators, and has (every one of these name/value pairs).</summary>
    public static readonly ColumnType Dimensions = new("Dimensions", String.Traits | ColumnTraits.Dimensions, "text", String.Read);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ColumnType> Enums = new();

    /// <summary>A text column that holds one word of a closed list, e.g. Qualifier (EXACT, AT_LEAST …): eq, neq, in, nin.</summary>
    public static ColumnType Enum(string name, IEnumerable<string> words)
    {
        IReadOnlyList<string> values = [.. words.Order(StringComparer.Ordinal)];
        return Enums.GetOrAdd(name + ":" + string.Join(",", values), _ =>
            new(name, ColumnTraits.Equatable | ColumnTraits.Listable, "one of " + string.Join(", ", values), raw => raw is string word && values.Contains(word) ? word : null)
            {
                Values = values,
            });
    }

    /// <summary>The type of a column by its CLR type (nullable or not).</summary>
    public static ColumnType For(Type valueType) =>
        valueType == typeof(string) ? String
        : valueType == typeof(int) ? Int
        : valueType == typeof(double) ? Float
        : valueType == typeof(bool) ? Boolean
        : throw new NotSupportedException($"No field type for {valueType}: add a row to ColumnTypes.");
}
