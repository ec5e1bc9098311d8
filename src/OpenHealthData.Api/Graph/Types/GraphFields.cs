using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Domain;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>The three kinds of fields every entity type uses: paged collections, batched lists and batched references.</summary>
public static class GraphFields
{
    /// <summary>A Relay connection with where/order/withinRegion, translated into SQL.</summary>
    public static FieldBuilder<TSource, object> Connection<TSource, TNode, TNodeGraph>(
        this ObjectGraphType<TSource> type, string name, string description)
        where TNode : class where TNodeGraph : IGraphType
    {
        var shape = (EntityShape<TNode>)Shapes.For(typeof(TNode));
        var field = type.Field(name, typeof(ConnectionType<TNode, TNodeGraph>))
            .Description(description)
            .Argument<IntGraphType>("first", "Rows from the start (after 'after'); default and maximum page size are in the README.")
            .Argument<StringGraphType>("after", "Cursor: rows after this one.")
            .Argument<IntGraphType>("last", "Rows from the end (before 'before').")
            .Argument<StringGraphType>("before", "Cursor: rows before this one.");
        AddFilterArguments<TSource, TNode>(field, shape);
        field.Resolve().WithService<ResolverServices>().ResolveAsync(async (ctx, services) =>
        {
            var request = Read(ctx, services, shape);
            var withTotal = ctx.SubFields?.Values.Any(f => f.Field.Name.Value == "totalCount") ?? false;
            var ordered = services.Db.Set<TNode>().Where(request.Filter).OrderBy(shape, request.Order);
            if (Projection.Of(shape, NodeFields(ctx.FieldAst)) is { } projection) ordered = ordered.Select(projection);
            return await ordered.PageAsync(request.Page, services.Paging, ctx.CancellationToken, withTotal);
        });
        return field;
    }

    /// <summary>The fields selected on a connection's rows (under nodes and edges.node); null behind a fragment.</summary>
    private static HashSet<string>? NodeFields(GraphQLField connection)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        bool Collect(GraphQLSelectionSet? set, params string[] path)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                if (selection is not GraphQLField field) return false;
                var name = field.Name.StringValue;
                if (path.Length == 0) fields.Add(name);
                else if (name == path[0] && !Collect(field.SelectionSet, path[1..])) return false;
            }
            return true;
        }
        return Collect(connection.SelectionSet, "nodes") && Collect(connection.SelectionSet, "edges", "node") ? fields : null;
    }

    /// <summary>A filtered, ordered list of children, loaded for all parents of a level in one statement.</summary>
    public static FieldBuilder<TSource, object> Children<TSource, TNode, TNodeGraph>(
        this ObjectGraphType<TSource> type, string name, string description,
        Func<TSource, string> parentKey, Expression<Func<TNode, string?>> foreignKey)
        where TSource : class where TNode : class where TNodeGraph : IGraphType
    {
        var shape = (EntityShape<TNode>)Shapes.For(typeof(TNode));
        var groupKey = foreignKey.Compile();
        var field = type.Field(name, typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraph>>>))
            .Description(description)
            .Argument<IntGraphType>("first", "At most this many per parent; default and maximum: the maximum page size (README).");
        AddFilterArguments<TSource, TNode>(field, shape);
        field.Resolve().WithService<ResolverServices>().Resolve((ctx, services) =>
        {
            var maxPageSize = services.Paging.MaxPageSize;
            var request = Read(ctx, services, shape);
            Paging.CheckPageSize(request.Page.First, "first", maxPageSize);
            var first = request.Page.First ?? maxPageSize;
            var db = services.Db;
            var loaderName = $"{typeof(TSource).Name}.{name}:{request}";
            var loader = services.Loaders.Get<string, List<TNode>>(loaderName, async (keys, ct) =>
            {
                var children = db.Set<TSource>().WhereIn(KeyOf<TSource>.Expression, keys)
                    .FirstPerParent(KeyOf<TSource>.Shape.Key, db.Set<TNode>().WhereIn(foreignKey, keys).Where(request.Filter), foreignKey, shape, request.Order, first);
                var rows = await children.OrderBy(shape, request.Order).ToListAsync(ct);
                return rows.GroupBy(r => groupKey(r)!).ToDictionary(g => g.Key, g => g.ToList());
            });
            return loader.Load(parentKey(ctx.Source), rows => rows ?? []);
        });
        return field;
    }

    /// <summary>A to-one reference, loaded for all rows of a level in one statement.</summary>
    public static FieldBuilder<TSource, object> Reference<TSource, TTarget, TTargetGraph>(
        this ObjectGraphType<TSource> type, string name, string description, Func<TSource, string?> foreignKey, bool nullable = false)
        where TTarget : class where TTargetGraph : IGraphType
    {
        var field = type.Field(name, nullable ? typeof(TTargetGraph) : typeof(NonNullGraphType<TTargetGraph>)).Description(description);
        field.Resolve().WithService<ResolverServices>().Resolve((ctx, services) => foreignKey(ctx.Source) is { } key ? ByKey<TTarget>(services, key) : null);
        return field;
    }

    /// <summary>One entity by its primary key, batched with every other lookup of the same type in the request.</summary>
    public static IDataLoaderResult<T?> ByKey<T>(ResolverServices services, string key) where T : class => ByKey<T, T?>(services, key, x => x);

    public static IDataLoaderResult<TResult> ByKey<T, TResult>(ResolverServices services, string key, Func<T?, TResult> map) where T : class
    {
        if (services.References.Table<T>() is { } table)
            return new Loaded<TResult>(map(table.GetValueOrDefault(key)));
        var db = services.Db;
        return services.Loaders
            .Get<string, T>($"{KeyOf<T>.Shape.Name}.byKey", async (keys, ct) =>
                await db.Set<T>().WhereIn(KeyOf<T>.Expression, keys).ToDictionaryAsync(KeyOf<T>.Shape.ReadKey, ct))
            .Load(key, map);
    }

    /// <summary>An entity's shape and its primary key as a nullable-typed expression for WhereIn; built once per type.</summary>
    private static class KeyOf<T> where T : class
    {
        public static readonly EntityShape<T> Shape = (EntityShape<T>)Shapes.For(typeof(T));
        public static readonly Expression<Func<T, string?>> Expression =
            System.Linq.Expressions.Expression.Lambda<Func<T, string?>>(Shape.Key.Body, Shape.Key.Parameters);
    }

    private static void AddFilterArguments<TSource, TNode>(FieldBuilder<TSource, object> field, EntityShape shape)
    {
        field.Argument(typeof(FilterInputType<TNode>), "where", a => a.Description = $"Filter, HotChocolate style: {{ field: {{ eq: … }} }}, and/or, nested through references.");
        field.Argument(typeof(ListGraphType<NonNullGraphType<SortInputType<TNode>>>), "order", a => a.Description = "Sort, e.g. [{ year: DESC }, { value: ASC }]; ties are broken by the key.");
        if (shape.RegionField is not null)
            field.Argument<StringGraphType>("withinRegion", "Region code: only rows of this region and every region below it (a province includes its prefectures and counties).");
    }

    /// <summary>The list's arguments read once: where (already a <see cref="FilterNode"/>), withinRegion, order, and the page.</summary>
    private static ListQuery Read(IResolveFieldContext ctx, ResolverServices services, EntityShape shape)
    {
        var filter = ctx.GetArgument<FilterNode?>("where");
        if (ctx.GetArgument<string?>("withinRegion") is { } region && shape.RegionField is { } regionField)
        {
            var codes = services.Regions.SelfAndDescendants(region);
            filter = FilterNode.And(filter, FilterNode.Where(regionField, FilterOperators.In, codes.ToList()));
        }
        var order = Sorting.Parse(shape, ctx.GetArgument<object?>("order") switch
        {
            null => null,
            IEnumerable<object?> list => list,
            var single => [single],
        });
        return new ListQuery(filter, order, new PageRequest(ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after"),
            ctx.GetArgument<int?>("last"), ctx.GetArgument<string?>("before")));
    }
}
