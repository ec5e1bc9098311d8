using System.Linq.Expressions;
using System.Text.Json;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Execution;
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
        return field.ResolveAsync(async ctx =>
        {
            var db = ctx.RequestServices!.GetRequiredService<HealthDbContext>();
            var query = Filter(ctx, shape, db.Set<TNode>());
            var page = new PageRequest(ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after"),
                ctx.GetArgument<int?>("last"), ctx.GetArgument<string?>("before"));
            var options = ctx.RequestServices!.GetRequiredService<IOptions<PagingOptions>>().Value;
            var withTotal = ctx.SubFields?.Values.Any(f => f.Field.Name.Value == "totalCount") ?? false;
            var ordered = query.OrderBy(shape, Order(ctx));
            if (Projection.Of(shape, NodeFields(ctx.FieldAst)) is { } projection) ordered = ordered.Select(projection);
            return await ordered.PageAsync(page, options, ctx.CancellationToken, withTotal);
        });
    }

    /// <summary>The fields selected on a connection's rows (under nodes and edges.node); null behind a fragment.</summary>
    private static HashSet<string>? NodeFields(GraphQLField connection) => SelectedFields(connection, [["nodes"], ["edges", "node"]]);

    /// <summary>The fields selected under each path of <paramref name="parent"/> ([] for its own selection); null behind a fragment.</summary>
    private static HashSet<string>? SelectedFields(GraphQLField parent, string[][] paths)
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
        return paths.All(path => Collect(parent.SelectionSet, path)) ? fields : null;
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
        return field.Resolve(ctx =>
        {
            var maxPageSize = ctx.RequestServices!.GetRequiredService<IOptions<PagingOptions>>().Value.MaxPageSize;
            var first = ctx.GetArgument<int?>("first") ?? maxPageSize;
            if (first < 0 || first > maxPageSize)
                throw new QueryArgumentException($"'first' must be between 0 and {maxPageSize}, the maximum page size; got {first}.");
            var db = ctx.RequestServices!.GetRequiredService<HealthDbContext>();
            // one loader per list field, arguments and selection: the selection decides the columns read
            var selected = SelectedFields(ctx.FieldAst, [[]]);
            var loaderName = $"{typeof(TSource).Name}.{name}:{Key(ctx.Arguments)}:{(selected is null ? "*" : string.Join(",", selected.Order()))}";
            var loader = ctx.RequestServices!.GetRequiredService<BatchLoaders>().Get<string, List<TNode>>(loaderName, async (keys, ct) =>
            {
                var children = db.Set<TSource>().WhereIn(KeyOf<TSource>.Expression, keys)
                    .FirstPerParent(KeyOf<TSource>.Shape.Key, Filter(ctx, shape, db.Set<TNode>().WhereIn(foreignKey, keys)), foreignKey, shape, Order(ctx), first);
                var ordered = children.OrderBy(shape, Order(ctx));
                if (Projection.Of(shape, selected, foreignKey) is { } projection) ordered = ordered.Select(projection);
                var rows = await ordered.ToListAsync(ct);
                return rows.GroupBy(r => groupKey(r)!).ToDictionary(g => g.Key, g => g.ToList());
            });
            return loader.Load(parentKey(ctx.Source), rows => rows ?? []);
        });
    }

    /// <summary>A to-one reference, loaded for all rows of a level in one statement.</summary>
    public static FieldBuilder<TSource, object> Reference<TSource, TTarget, TTargetGraph>(
        this ObjectGraphType<TSource> type, string name, string description, Func<TSource, string?> foreignKey, bool nullable = false)
        where TTarget : class where TTargetGraph : IGraphType =>
        type.Field(name, nullable ? typeof(TTargetGraph) : typeof(NonNullGraphType<TTargetGraph>))
            .Description(description)
            .Resolve(ctx => foreignKey(ctx.Source) is { } key ? ByKey<TTarget>(ctx, key) : null);

    /// <summary>
    /// One entity by its primary key: the value itself for a table held in memory (a plain value resolves at
    /// once; a batch loader's result would send every reference through GraphQL.NET's deferred data-loader
    /// path), else a lookup batched with every other one of the same type in the request.
    /// </summary>
    public static object? ByKey<T>(IResolveFieldContext ctx, string key) where T : class => ByKey<T, T?>(ctx, key, x => x);

    public static object? ByKey<T, TResult>(IResolveFieldContext ctx, string key, Func<T?, TResult> map) where T : class
    {
        if (ctx.RequestServices!.GetRequiredService<ReferenceCache>().Table<T>() is { } table)
            return map(table.GetValueOrDefault(key));
        var db = ctx.RequestServices!.GetRequiredService<HealthDbContext>();
        return ctx.RequestServices!.GetRequiredService<BatchLoaders>()
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
        if (RegionKey(shape) is not null)
            field.Argument<StringGraphType>("withinRegion", "Region code: only rows of this region and every region below it (a province includes its prefectures and counties).");
    }

    private static IQueryable<T> Filter<T>(IResolveFieldContext ctx, EntityShape<T> shape, IQueryable<T> query)
    {
        query = query.Where(shape, ctx.GetArgument<IDictionary<string, object?>?>("where"));
        if (ctx.GetArgument<string?>("withinRegion") is { } region && RegionKey(shape) is { } regionKey)
        {
            var codes = ctx.RequestServices!.GetRequiredService<RegionTree>().SelfAndDescendants(region);
            query = query.Where(shape, new Dictionary<string, object?> { [regionKey] = new Dictionary<string, object?> { ["in"] = codes.ToList<object?>() } });
        }
        return query;
    }

    /// <summary>The field that places a row in a region: the key of a region, the region code of anything else.</summary>
    private static string? RegionKey(EntityShape shape) =>
        shape == Shapes.Region ? "code" : shape.Scalars.Any(s => s.Name == "regionCode") ? "regionCode" : null;

    private static IEnumerable<object?>? Order(IResolveFieldContext ctx) => ctx.GetArgument<object?>("order") switch
    {
        null => null,
        IEnumerable<object?> list => list,
        var single => [single],
    };

    private static string Key(IDictionary<string, ArgumentValue>? arguments) =>
        JsonSerializer.Serialize(arguments?.OrderBy(a => a.Key).Select(a => new[] { a.Key, a.Value.Value }));
}
