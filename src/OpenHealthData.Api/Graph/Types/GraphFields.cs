using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Builders;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQLParser.AST;
using OpenHealthData.Api.Querying;

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
        // The arguments and statements of each place in a cached document where this connection is selected without
        // variables: the same in every request, so read and written once, not once per request.
        var planned = new ConditionalWeakTable<GraphQLField, Tuple<ListQuery, PageStatements<TNode>>>();
        field.Resolve().WithService<ResolverServices>().Resolve((ctx, services) =>
        {
            if (!planned.TryGetValue(ctx.FieldAst, out var plan))
            {
                var query = Read(ctx, services, shape);
                plan = Tuple.Create(query, new PageStatements<TNode>(shape, query.Filter, query.Order, NodeFields<TNode>(ctx.FieldAst)));
                if (!HasVariables(ctx.FieldAst)) planned.AddOrUpdate(ctx.FieldAst, plan);
            }
            var (request, statements) = plan;
            var withTotal = ctx.SubFields?.Values.Any(f => f.Field.Name.Value == "totalCount") ?? false;
            var page = services.Lists.Page(statements, request, services.Paging, withTotal);
            services.Loaders.ReadTogether([.. page.Nodes]);
            return page;
        });
        return field;
    }

    /// <summary>The fields selected on a connection's rows (under nodes and edges.node); null behind a fragment.</summary>
    private static HashSet<string>? NodeFields<TNode>(GraphQLField connection) => SelectedFields<TNode>(connection, [["nodes"], ["edges", "node"]]);

    /// <summary>Fields that are not columns but whose resolvers read only the row's key (nested lists, coverage): a row selected with them stays narrow.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), bool> KeyOnly = new();

    /// <summary>Declares that the field's resolver reads only the key of its row (see <see cref="Projection"/>).</summary>
    public static FieldBuilder<TSource, TReturn> ReadsKeyOnly<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        KeyOnly[(typeof(TSource), field.FieldType.Name)] = true;
        return field;
    }

    /// <summary>
    /// The fields of <typeparamref name="TNode"/> selected under each path of <paramref name="parent"/> ([] for its own selection),
    /// leaving out those that read only the key (always read); null behind a fragment.
    /// </summary>
    private static HashSet<string>? SelectedFields<TNode>(GraphQLField parent, string[][] paths)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        bool Collect(GraphQLSelectionSet? set, params string[] path)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                if (selection is not GraphQLField field) return false;
                var name = field.Name.StringValue;
                if (path.Length == 0) { if (!KeyOnly.ContainsKey((typeof(TNode), name))) fields.Add(name); }
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
        Func<object, string> keyOfRow = row => parentKey((TSource)row);
        var field = type.Field(name, typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraph>>>))
            .Description(description)
            .Argument<IntGraphType>("first", "At most this many per parent; default and maximum: the maximum page size (README).")
            .ReadsKeyOnly(); // every parent key is the parent's primary key
        AddFilterArguments<TSource, TNode>(field, shape);
        // The statement of each place in a cached document where this list is selected without variables: its
        // arguments and selection are the same in every request, so it is written once, not once per request.
        var statements = new ConditionalWeakTable<GraphQLField, Tuple<string, NestedListStatement<TNode>>>();
        field.Resolve().WithService<ResolverServices>().Resolve((ctx, services) =>
        {
            var loader = services.Loaders.ForField(ctx.FieldAst, () =>
            {
                if (!statements.TryGetValue(ctx.FieldAst, out var planned))
                {
                    var maxPageSize = services.Paging.MaxPageSize;
                    var request = Read(ctx, services, shape);
                    Paging.CheckPageSize(request.Page.First, "first", maxPageSize);
                    // one loader per list field, arguments and selection: the selection decides the columns read
                    var selected = SelectedFields<TNode>(ctx.FieldAst, [[]]);
                    planned = Tuple.Create($"{typeof(TSource).Name}.{name}:{request}:{(selected is null ? "*" : string.Join(",", selected.Order()))}",
                        ListQueries.FirstPerParentStatement(shape, foreignKey, request.Filter, request.Order, request.Page.First ?? maxPageSize, selected));
                    if (!HasVariables(ctx.FieldAst)) statements.AddOrUpdate(ctx.FieldAst, planned);
                }
                var (loaderName, statement) = planned;
                var lists = services.Lists;
                var loaders = services.Loaders;
                return loaders.Get<string, List<TNode>>(loaderName, keys =>
                {
                    var rows = lists.FirstPerParent(statement, keys);
                    loaders.ReadTogether(rows);
                    var byParent = new Dictionary<string, List<TNode>>(keys.Count);
                    foreach (var row in rows)
                    {
                        var parent = groupKey(row)!;
                        if (!byParent.TryGetValue(parent, out var list)) byParent[parent] = list = [];
                        list.Add(row);
                    }
                    return byParent;
                });
            });
            var key = parentKey(ctx.Source);
            // A row read with others (a page, a nested list): the list of every one of them in one statement now, and
            // this row's part as a plain value, not through GraphQL.NET's deferred data-loader path (same statement,
            // same rows; the path costs more than the value).
            if (services.Loaders.SiblingsOf(ctx.Source) is { } siblings)
                return loader.Get(key, siblings, keyOfRow) ?? [];
            return loader.Load(key, rows => rows ?? []);
        });
        return field;
    }

    /// <summary>Whether a field's arguments use variables anywhere (then they may differ from one request to the next).</summary>
    private static bool HasVariables(GraphQLField field)
    {
        static bool Uses(ASTNode? value) => value switch
        {
            GraphQLVariable => true,
            GraphQLListValue list => list.Values?.Any(Uses) ?? false,
            GraphQLObjectValue obj => obj.Fields?.Any(f => Uses(f.Value)) ?? false,
            _ => false,
        };
        return field.Arguments?.Items.Any(a => Uses(a.Value)) ?? false;
    }

    /// <summary>A to-one reference, loaded for all rows of a level in one statement.</summary>
    public static FieldBuilder<TSource, object> Reference<TSource, TTarget, TTargetGraph>(
        this ObjectGraphType<TSource> type, string name, string description, Func<TSource, string?> foreignKey, bool nullable = false)
        where TTarget : class where TTargetGraph : IGraphType
    {
        var field = type.Field(name, nullable ? typeof(TTargetGraph) : typeof(NonNullGraphType<TTargetGraph>)).Description(description);
        field.Resolve(new ReferenceResolver<TSource, TTarget>(foreignKey));
        return field;
    }

    /// <summary>
    /// One entity by its primary key: the value itself for a table held in memory (a plain value resolves at
    /// once; a batch loader's result would send every reference through GraphQL.NET's deferred data-loader
    /// path), else a lookup batched with every other one of the same type in the request.
    /// </summary>
    public static object? ByKey<T>(ResolverServices services, string key) where T : class => ByKey<T, T?>(services, key, x => x);

    public static object? ByKey<T, TResult>(ResolverServices services, string key, Func<T?, TResult> map) where T : class
    {
        if (services.References.Table<T>() is { } table)
            return map(table.GetValueOrDefault(key));
        var lists = services.Lists;
        var shape = (EntityShape<T>)Shapes.For(typeof(T));
        return services.Loaders
            .Get<string, T>($"{shape.Name}.byKey", keys =>
                lists.List(shape, FilterNode.Where(shape.KeyField, FilterOperators.In, keys.ToList()), []).ToDictionary(shape.ReadKey))
            .Load(key, map);
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
        if (ctx.GetArgument<string?>("withinRegion") is { } region && shape.RegionField is not null)
            filter = FilterNode.And(filter, services.Regions.Within(shape, region));
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
