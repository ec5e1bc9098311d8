using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using OpenHealthData.Api.Graph.Types;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// The size of every argument, literal or variable, before anything parses it: no list longer than
/// <see cref="RequestLimits.MaxListItems"/>, no filter with more than <see cref="RequestLimits.MaxFilterTerms"/> terms, no
/// order with more than <see cref="RequestLimits.MaxOrderKeys"/> keys or a key deeper than
/// <see cref="RequestLimits.MaxOrderKeyDepth"/>. A long OR list is one SQL expression per item (SQLite refuses an
/// expression tree deeper than 1,000); every sort key a lookup per row. Runs on cached documents too, since variables
/// change; each argument and each variable is measured once (a variable used twice is not measured twice), so the
/// work is linear in the request. On a cached document (<paramref name="variablesOnly"/>) the literal arguments were
/// measured when it was first validated and cannot have changed: an operation without variables is not walked again.
/// </summary>
public sealed class ArgumentLimitsRule(RequestLimits limits, bool variablesOnly = false) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (variablesOnly && context.Operation.Variables is not { Items.Count: > 0 }) return default;
        var variables = new Dictionary<string, ValueSize>(StringComparer.Ordinal);
        return new(new MatchingNodeVisitor<GraphQLArgument>((argument, ctx) =>
        {
            if (ctx.Errors.Any(e => e is RequestLimitError)) return; // one error says what is over
            var size = ValueSize.Of(argument.Value, ctx, variables);
            var type = ctx.TypeInfo.GetArgument()?.ResolvedType?.GetNamedType();
            var where = $"'{argument.Name.StringValue}' of '{ctx.TypeInfo.GetFieldDef()?.Name ?? ctx.TypeInfo.GetDirective()?.Name}'";
            if (Check(size, IsGeneric(type, typeof(FilterInputType<>)), IsGeneric(type, typeof(SortInputType<>)), where) is { } error)
                ctx.ReportError(error);
        }));
    }

    private RequestLimitError? Check(ValueSize size, bool filter, bool order, string where)
    {
        if (order && size.Leaves > limits.MaxOrderKeys)
            return new(RequestLimitError.TooManyOrderKeys, $"The argument {where} has {size.Leaves} sort keys; the limit is {limits.MaxOrderKeys}.");
        if (order && size.Depth > limits.MaxOrderKeyDepth)
            return new(RequestLimitError.OrderKeyTooDeep, $"The argument {where} has a sort key {size.Depth} fields deep; the limit is {limits.MaxOrderKeyDepth}.");
        if (filter && size.Fields > limits.MaxFilterTerms)
            return new(RequestLimitError.FilterTooLarge, $"The filter {where} has {size.Fields} terms (and/or items, fields and operators); the limit is {limits.MaxFilterTerms}.");
        if (size.LongestList > limits.MaxListItems)
            return new(RequestLimitError.ListTooLong, $"The argument {where} has a list of {size.LongestList} items; the limit is {limits.MaxListItems}.");
        return null;
    }

    private static bool IsGeneric(IGraphType? type, Type definition) =>
        type?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == definition;

    /// <summary>
    /// What is in a value: Fields set in its objects, Leaves (scalar values in them), Depth (objects within objects;
    /// lists do not count) and the LongestList.
    /// </summary>
    private readonly record struct ValueSize(int Fields, int Leaves, int Depth, int LongestList)
    {
        private static readonly ValueSize Leaf = new(0, 1, 0, 0);

        public static ValueSize Of(GraphQLValue value, ValidationContext context, Dictionary<string, ValueSize> variables) => value switch
        {
            GraphQLObjectValue o => Object(o.Fields?.Select(f => Of(f.Value, context, variables)) ?? []),
            GraphQLListValue l => List(l.Values?.Select(v => Of(v, context, variables)) ?? [], l.Values?.Count ?? 0),
            GraphQLVariable v => Variable(v.Name.StringValue, context, variables),
            GraphQLNullValue => default,
            _ => Leaf,
        };

        /// <summary>A variable's value as sent, or else its default in the document; measured once per request.</summary>
        private static ValueSize Variable(string name, ValidationContext context, Dictionary<string, ValueSize> variables)
        {
            if (variables.TryGetValue(name, out var known)) return known;
            variables[name] = default; // a default value that names its own variable is invalid anyway
            var size = context.Variables.TryGetValue(name, out var sent) ? Of(sent)
                : context.Operation.Variables?.Items.FirstOrDefault(d => d.Variable.Name.StringValue == name)?.DefaultValue is { } literal
                    ? Of(literal, context, variables) : default;
            return variables[name] = size;
        }

        /// <summary>A value as JSON delivered it.</summary>
        private static ValueSize Of(object? raw) => raw switch
        {
            null => default,
            string => Leaf,
            IDictionary<string, object?> o => Object(o.Values.Select(Of)),
            System.Collections.IEnumerable l => List(l.Cast<object?>().Select(Of), l is System.Collections.ICollection c ? c.Count : l.Cast<object?>().Count()),
            _ => Leaf,
        };

        private static ValueSize Object(IEnumerable<ValueSize> fields)
        {
            var (count, sum) = (0, default(ValueSize));
            foreach (var field in fields) (count, sum) = (count + 1, Add(sum, field));
            return new(Saturating(sum.Fields + count), sum.Leaves, sum.Depth + 1, sum.LongestList);
        }

        private static ValueSize List(IEnumerable<ValueSize> items, int count)
        {
            var sum = items.Aggregate(default(ValueSize), Add);
            return sum with { LongestList = Math.Max(sum.LongestList, count) };
        }

        private static ValueSize Add(ValueSize a, ValueSize b) =>
            new(Saturating((long)a.Fields + b.Fields), Saturating((long)a.Leaves + b.Leaves), Math.Max(a.Depth, b.Depth), Math.Max(a.LongestList, b.LongestList));

        private static int Saturating(long n) => (int)Math.Min(n, int.MaxValue);
    }
}
