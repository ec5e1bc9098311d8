using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Querying;

/// <summary>Tables and columns of the entities as the database has them: read from the one EF Core model that built it.</summary>
public static class SqlNames
{
    private static readonly IModel Model = ReadModel();

    private static IModel ReadModel()
    {
        using var db = new HealthDbContext(new DbContextOptionsBuilder<HealthDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    }

    private static IEntityType Entity(Type type) => Model.FindEntityType(type) ?? throw new NotSupportedException($"{type.Name} is not a table.");

    /// <summary>The table of an entity: an identifier from the model.</summary>
    public static Sql Table(Type entity) => Tables.GetOrAdd(entity, type => Sql.Identifier(Entity(type).GetTableName()!));

    /// <summary>The column of a property: an identifier from the model.</summary>
    public static Sql Column(Type entity, string member) => Columns.GetOrAdd((entity, member), key =>
        Sql.Identifier((Entity(key.Item1).FindProperty(key.Item2) ?? throw new NotSupportedException($"{key.Item1.Name}.{key.Item2} is not a column.")).GetColumnName()));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Sql> Tables = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), Sql> Columns = new();

    /// <summary>Whether the column a selector reads may hold NULL, as the database declares it (a text column need not).</summary>
    public static bool IsNullable(LambdaExpression selector) => Nullability.GetOrAdd((selector.Parameters[0].Type, Member(selector)), key =>
        (Entity(key.Item1).FindProperty(key.Item2) ?? throw new NotSupportedException($"{key.Item1.Name}.{key.Item2} is not a column.")).IsNullable);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), bool> Nullability = new();

    /// <summary>The column a selector such as <c>x => x.RegionCode</c> reads.</summary>
    public static Sql Column(LambdaExpression selector) => Column(selector.Parameters[0].Type, Member(selector));

    /// <summary>The property a selector such as <c>x => x.RegionCode</c> reads.</summary>
    public static string Member(LambdaExpression selector) => ((MemberExpression)selector.Body).Member.Name;

    /// <summary>Every column of the table, as its properties, in the model's order: a whole row.</summary>
    public static IReadOnlyList<string> Members(Type entity) =>
        AllMembers.GetOrAdd(entity, type => [.. Entity(type).GetProperties().Where(p => p.PropertyInfo is not null).Select(p => p.Name)]);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyList<string>> AllMembers = new();
}
