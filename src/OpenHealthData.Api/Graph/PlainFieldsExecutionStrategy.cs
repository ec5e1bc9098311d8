using System.Collections;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using OpenHealthData.Api.Graph.Types;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// GraphQL.NET's serial execution, with two shortcuts for the many small rows of a nested list (measured: most of a
/// nested query's CPU went to GraphQL.NET's work per field, not to reading the rows):
/// <list type="bullet">
/// <item>A field whose resolver is <see cref="IPlainFieldResolver"/> (a column, a reference to a table held in memory)
/// is resolved, serialized and checked while its row's fields are built, and then skipped by the executor: no
/// resolve context, no async steps, no node completion of its own. A value that would be an error (null for a
/// non-null field, a value its scalar refuses) is left to the usual path, which reports it as it always has.</item>
/// <item>The fields of a selection set without directives, fragments or repeated names are collected once per
/// document and type (the document is cached: <see cref="DocumentCache"/>), not once per row.</item>
/// </list>
/// The result tree is the one GraphQL.NET builds: same nodes, same values, same order, same errors.
/// </summary>
public sealed class PlainFieldsExecutionStrategy : SerialExecutionStrategy
{
    /// <summary>The fields of each plain selection set, by the type they are selected on; null for a set that is not plain.</summary>
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, Collected> Plain = [];

    private sealed class Collected
    {
        public IGraphType? Type;
        public (GraphQLField Field, FieldType Definition)[]? Fields;
    }

    protected override void SetSubFieldNodes(GraphQL.Execution.ExecutionContext context, ObjectExecutionNode parent)
    {
        var type = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        if (parent.SelectionSet is not { } selectionSet || CollectPlain(context, type, selectionSet) is not { } fields)
        {
            base.SetSubFieldNodes(context, parent);
        }
        else
        {
            var nodes = new ExecutionNode[fields.Length];
            for (var i = 0; i < fields.Length; i++) nodes[i] = BuildExecutionNode(parent, fields[i].Definition.ResolvedType!, fields[i].Field, fields[i].Definition);
            parent.SubFields = nodes;
        }
        if (parent.Result is not { } source) return;
        foreach (var node in parent.SubFields!)
        {
            if (node is PlainValueNode value) value.Resolved = TryResolve(context, value, source);
            else if (node is PlainObjectNode row && TryResolve(context, row, source))
            {
                row.Resolved = true;
                if (row.Result is not null)
                {
                    ValidateNodeResult(context, row);
                    SetSubFieldNodes(context, row);
                }
            }
        }
    }

    /// <summary>The node's value now, serialized; false (nothing set) when it cannot be had at once or would be an error.</summary>
    private static bool TryResolve(GraphQL.Execution.ExecutionContext context, ExecutionNode node, object source)
    {
        try
        {
            if (!((IPlainFieldResolver)node.FieldDefinition.Resolver!).TryResolve(source, context.RequestServices, out var value)) return false;
            if (node is ValueExecutionNode scalar) value = scalar.GraphType.Serialize(value);
            if (value is null && node.FieldDefinition.ResolvedType is NonNullGraphType) return false;
            node.Result = value;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false; // the usual path reports it
        }
    }

    /// <summary>
    /// The fields of a selection set made only of fields without directives, each name once, as GraphQL.NET collects
    /// them (in order, each with its definition); null for any other set.
    /// </summary>
    private (GraphQLField Field, FieldType Definition)[]? CollectPlain(GraphQL.Execution.ExecutionContext context, IGraphType type, GraphQLSelectionSet selectionSet)
    {
        var collected = Plain.GetValue(selectionSet, _ => new Collected());
        // a selection set belongs to one parent field, so to one type; a schema's types are built once
        var (cachedType, cachedFields) = (Volatile.Read(ref collected.Type), Volatile.Read(ref collected.Fields));
        if (ReferenceEquals(cachedType, type) && cachedFields is not null) return cachedFields;
        if (type.GetNamedType() is not IComplexGraphType complex) return null;
        var fields = new List<(GraphQLField, FieldType)>(selectionSet.Selections.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selection in selectionSet.Selections)
        {
            if (selection is not GraphQLField { Directives: null } field) return null;
            if (GetFieldDefinition(context.Schema, complex, field) is not { } definition) return null;
            if (!names.Add(field.Alias?.Name.StringValue ?? definition.Name)) return null;
            fields.Add((field, definition));
        }
        var result = fields.ToArray();
        lock (collected)
        {
            collected.Fields = null;
            collected.Type = type;
            collected.Fields = result;
        }
        return result;
    }

    /// <summary>
    /// The rows of a list of objects (a page, a nested list) are built and completed at once, each with its plain fields,
    /// instead of one awaited completion per row. Anything else (a list of scalars, a missing row, a row refused by its
    /// type, a row still to be loaded) goes the usual way for the whole list, which reports it as it always has.
    /// </summary>
    protected override Task SetArrayItemNodesAsync(GraphQL.Execution.ExecutionContext context, ArrayExecutionNode parent)
    {
        var itemType = ((ListGraphType)parent.GraphType!).ResolvedType!;
        if (itemType is NonNullGraphType nonNull) itemType = nonNull.ResolvedType!;
        if (itemType is not IObjectGraphType || parent.Result is not IList rows) return base.SetArrayItemNodesAsync(context, parent);
        var items = new List<ExecutionNode>(rows.Count);
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i] is not { } row || row is IDataLoaderResult) return base.SetArrayItemNodesAsync(context, parent);
                var node = (ObjectExecutionNode)BuildExecutionNode(parent, itemType, parent.Field, parent.FieldDefinition, i);
                node.Result = row;
                ValidateNodeResult(context, node);
                SetSubFieldNodes(context, node);
                items.Add(node);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return base.SetArrayItemNodesAsync(context, parent); // the nodes built so far are dropped; plain fields have no side effects
        }
        parent.Items = items;
        return Task.CompletedTask;
    }

    protected override ExecutionNode BuildExecutionNode(ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, int? indexInParentNode = null)
    {
        if (indexInParentNode is null && fieldDefinition.Resolver is IPlainFieldResolver && fieldDefinition.Arguments is not { Count: > 0 })
        {
            var named = graphType is NonNullGraphType nonNull ? nonNull.ResolvedType! : graphType;
            if (named is ScalarGraphType scalar) return new PlainValueNode(parent, scalar, field, fieldDefinition);
            if (named is IObjectGraphType) return new PlainObjectNode(parent, named, field, fieldDefinition);
        }
        return base.BuildExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode);
    }

    protected override Task ExecuteNodeAsync(GraphQL.Execution.ExecutionContext context, ExecutionNode node) =>
        node is PlainValueNode { Resolved: true } or PlainObjectNode { Resolved: true } ? Task.CompletedTask : base.ExecuteNodeAsync(context, node);

    private sealed class PlainValueNode(ExecutionNode parent, ScalarGraphType graphType, GraphQLField field, FieldType definition)
        : ValueExecutionNode(parent, graphType, field, definition, null)
    {
        public bool Resolved;
    }

    private sealed class PlainObjectNode(ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType definition)
        : ObjectExecutionNode(parent, graphType, field, definition, null)
    {
        public bool Resolved;
    }
}
