using System.Collections.Concurrent;
using System.Linq.Expressions;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>Turns result rows into entities: one compiled reader per entity and column list, columns in the given order.</summary>
public static class RowReader
{
    private static readonly ConcurrentDictionary<(Type, string), Delegate> Compiled = new();

    public static Func<SqlRow, T> For<T>(IReadOnlyList<string> members) =>
        (Func<SqlRow, T>)Compiled.GetOrAdd((typeof(T), string.Join(",", members)), _ => Compile<T>(members));

    private static Func<SqlRow, T> Compile<T>(IReadOnlyList<string> members)
    {
        var reader = Expression.Parameter(typeof(SqlRow), "reader");
        var bindings = members.Select((member, i) =>
        {
            var property = typeof(T).GetProperty(member)!;
            return Expression.Bind(property, Read(reader, i, property.PropertyType));
        });
        return Expression.Lambda<Func<SqlRow, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), reader).Compile();
    }

    private static Expression Read(ParameterExpression reader, int ordinal, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var getter = underlying == typeof(string) ? nameof(SqlRow.GetString)
            : underlying == typeof(int) ? nameof(SqlRow.GetInt32)
            : underlying == typeof(long) ? nameof(SqlRow.GetInt64)
            : underlying == typeof(double) ? nameof(SqlRow.GetDouble)
            : underlying == typeof(bool) ? nameof(SqlRow.GetBoolean)
            : throw new NotSupportedException($"No reader for a column of type {type}.");
        var index = Expression.Constant(ordinal);
        Expression value = Expression.Call(reader, typeof(SqlRow).GetMethod(getter, [typeof(int)])!, index);
        if (value.Type != type) value = Expression.Convert(value, type);
        return type.IsValueType && underlying == type
            ? value
            : Expression.Condition(Expression.Call(reader, typeof(SqlRow).GetMethod(nameof(SqlRow.IsDBNull), [typeof(int)])!, index),
                Expression.Default(type), value);
    }
}
