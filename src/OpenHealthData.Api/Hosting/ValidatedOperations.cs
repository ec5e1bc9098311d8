using System.Collections.Concurrent;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using OpenHealthData.Api.Graph;

namespace OpenHealthData.Api.Hosting;

/// <summary>
/// GraphQL.NET's document validator, which remembers what it found for an operation without variables. Such an
/// operation, coming again in a document from <see cref="DocumentCache"/> (the same parsed tree, so the same literal
/// arguments), has nothing left to check that could turn out otherwise, yet GraphQL.NET walked its tree three times per
/// request: the cached-document rules (with nothing to do), the complexity analyzer (same numbers), and the parsing of
/// every argument into its value (same values), a tenth of a small request's CPU. What depends on the request is still
/// done each time: the operation must be a query (GET or POST alike), and the query is charged to its client's rate
/// limit by its complexity (<see cref="QueryCost"/>). An operation with variables is validated in full every time.
/// Also the complexity analyzer's check of the limits (<see cref="CheckComplexityAsync"/>), which records the numbers.
/// </summary>
public sealed class ValidatedOperations(IOptions<RequestLimits> limits, QueryCost cost) : IDocumentValidator
{
    private readonly DocumentValidator _validator = new();

    /// <summary>Where the complexity analyzer leaves an operation's complexity for this request's validation.</summary>
    private const string ComplexityKey = "ohd.complexity";

    /// <summary>
    /// Operations without variables that passed validation in full, with what validation parsed. A plain bounded map,
    /// emptied when its operations' texts reach about as much as the document cache holds: a weak table would give the
    /// garbage collector a handle to trace per document, which lengthened its pauses under a stream of new documents.
    /// </summary>
    private readonly ConcurrentDictionary<GraphQLOperationDefinition, Validated> _validated = new(ReferenceEqualityComparer.Instance);
    private long _chars;
    private const long MaxChars = 2_000_000;

    private sealed record Validated(IValidationResult Result, double TotalImpact);

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        var operation = options.Operation;
        if (operation.Variables is { Items.Count: > 0 } || operation.Operation != OperationType.Query)
            return _validator.ValidateAsync(options);
        if (_validated.TryGetValue(operation, out var validated))
            return Task.FromResult(Again(validated));
        return ValidateFirstAsync(_validator.ValidateAsync(options), operation, options.UserContext);
    }

    private async Task<IValidationResult> ValidateFirstAsync(Task<IValidationResult> validation, GraphQLOperationDefinition operation, IDictionary<string, object?> request)
    {
        var result = await validation;
        // Kept only when the complexity analyzer ran and passed (the rule set of a new document), not on a partial check.
        if (result.IsValid && request.TryGetValue(ComplexityKey, out var impact) && impact is double totalImpact)
        {
            var chars = Math.Max(1, operation.Location.End - operation.Location.Start);
            if (Interlocked.Add(ref _chars, chars) > MaxChars)
            {
                _validated.Clear();
                Interlocked.Exchange(ref _chars, chars);
            }
            _validated[operation] = new Validated(result, totalImpact);
        }
        return result;
    }

    /// <summary>
    /// The remembered result for this request: charged to the rate limit, and with its own copy of the argument values
    /// (GraphQL.NET's execution adds entries to them when it merges fields selected twice under one name).
    /// </summary>
    private IValidationResult Again(Validated validated)
    {
        if (cost.Charge(validated.TotalImpact) is { } refused) return new ValidationResult(refused);
        var first = validated.Result;
        return new ValidationResult(Array.Empty<ValidationError>())
        {
            Variables = first.Variables,
            ArgumentValues = first.ArgumentValues is { } arguments ? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>(arguments) : null,
            DirectiveValues = first.DirectiveValues is { } directives ? new Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>(directives) : null,
        };
    }

    /// <summary>
    /// The complexity analyzer's check: depth and complexity within <see cref="RequestLimits"/>, each with its own error
    /// (and code), rather than by MaxDepth/MaxComplexity; a query within them is then charged to its client's rate limit
    /// by its cost.
    /// </summary>
    public Task CheckComplexityAsync(ComplexityValidationContext context)
    {
        var limit = limits.Value;
        context.Error = context.MaxDepth > limit.MaxDepth
            ? new RequestLimitError(RequestLimitError.QueryTooDeep, $"Query is too nested to execute. Depth is {context.MaxDepth} levels, maximum allowed on this endpoint is {limit.MaxDepth}.")
            : context.TotalImpact > limit.MaxComplexity
                ? new RequestLimitError(RequestLimitError.QueryTooComplex, $"Query is too complex to execute. Complexity is {context.TotalImpact}; maximum allowed on this endpoint is {limit.MaxComplexity}.")
                : null;
        if (context.Error is null) context.ValidationContext.UserContext[ComplexityKey] = context.TotalImpact;
        return cost.ChargeAsync(context);
    }
}
