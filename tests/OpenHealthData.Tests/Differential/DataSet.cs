using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;

namespace OpenHealthData.Tests.Differential;

/// <summary>Every row of every entity, loaded once through EF Core (not the API's SQL), with their columns read by the model's selectors.</summary>
public sealed class DataSet
{
    private static readonly ConcurrentDictionary<LambdaExpression, Func<object, object?>> Readers = new();
    private readonly Dictionary<Type, IReadOnlyList<object>> _rows = [];
    private readonly Dictionary<Type, Dictionary<string, object>> _byKey = [];
    private readonly ConcurrentDictionary<ScalarField, IReadOnlyList<object>> _values = new();

    public static readonly IReadOnlyList<EntityShape> Queried = [.. Shapes.All.Where(s => s != Shapes.MetricAlias)];

    public DataSet(HealthDbContext db)
    {
        var set = typeof(DbContext).GetMethods().Single(m => m.Name == nameof(DbContext.Set) && m.IsGenericMethodDefinition && m.GetParameters().Length == 0);
        foreach (var shape in Shapes.All)
        {
            var rows = ((IQueryable)set.MakeGenericMethod(shape.ClrType).Invoke(db, null)!).Cast<object>().ToList();
            _rows[shape.ClrType] = rows;
            _byKey[shape.ClrType] = rows.ToDictionary(r => (string)Read(shape.KeyField.Selector, r)!);
        }
    }

    public IReadOnlyList<object> Rows(EntityShape shape) => _rows[shape.ClrType];

    public static object? Read(LambdaExpression selector, object row) => Readers.GetOrAdd(selector, s =>
    {
        var parameter = Expression.Parameter(typeof(object));
        var body = Expression.Invoke(s, Expression.Convert(parameter, s.Parameters[0].Type));
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(body, typeof(object)), parameter).Compile();
    })(row);

    public static string Key(EntityShape shape, object row) => (string)Read(shape.KeyField.Selector, row)!;

    /// <summary>The row a reference points to; null when the reference is missing (or the row is).</summary>
    public object? Follow(ReferenceField reference, object? row) =>
        row is not null && Read(reference.ForeignKey, row) is string key && _byKey[reference.Target].TryGetValue(key, out var target) ? target : null;

    /// <summary>The distinct values a column holds (not null), in a stable order.</summary>
    public IReadOnlyList<object> Values(EntityShape shape, ScalarField field) => _values.GetOrAdd(field, f =>
        [.. Rows(shape).Select(r => Read(f.Selector, r)).OfType<object>().Distinct().OrderBy(v => v.ToString(), StringComparer.Ordinal)]);
}
