using GraphQL.Validation;
using GraphQLParser.AST;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// The operation to run must be a query: the API is read-only, and GET must not change anything (GraphQL over HTTP).
/// Runs on cached documents too, since the same document may come by POST and then by GET.
/// </summary>
public sealed class QueriesOnlyRule(bool overGet) : ValidationRuleBase
{
    public static readonly QueriesOnlyRule OverGet = new(true);
    public static readonly QueriesOnlyRule OverPost = new(false);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
            context.ReportError(new OperationNotAllowedError(context.Operation.Operation, overGet));
        return default;
    }
}
