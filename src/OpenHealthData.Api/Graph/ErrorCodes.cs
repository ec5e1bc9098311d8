using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.Exceptions;
using OpenHealthData.Api.Querying;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// Every GraphQL error carries extensions.code, and nothing internal: no stack trace, exception type or SQL.
/// </summary>
public sealed class ErrorCodes : IErrorInfoProvider
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string BadRequest = "BAD_REQUEST";
    public const string Internal = "INTERNAL_SERVER_ERROR";
    /// <summary>The query costs more of the client's rate limit than it has left (answered 429).</summary>
    public const string RateLimited = "RATE_LIMITED";

    public ErrorInfo GetInfo(ExecutionError error)
    {
        var (code, message) = Classify(error);
        return new ErrorInfo { Message = message, Extensions = new Dictionary<string, object?> { ["code"] = code } };
    }

    public static (string Code, string Message) Classify(ExecutionError error) => error switch
    {
        SyntaxError => (ParseFailed, error.Message),
        InvalidVariableError => (BadUserInput, error.Message),
        RequestLimitError or OperationNotAllowedError => (error.Code!, error.Message),
        ValidationError { Code: RateLimited } => (RateLimited, error.Message),
        ValidationError => (ValidationFailed, error.Message),
        _ when error.InnerException is QueryArgumentException e => (BadUserInput, e.Message),
        _ when error.InnerException is GraphQLSyntaxErrorException => (ParseFailed, error.Message),
        _ when error.InnerException is OperationCanceledException => ("REQUEST_CANCELLED", "The request was cancelled."),
        _ when error.InnerException is null && error is not UnhandledError => (error.Code ?? BadUserInput, error.Message),
        _ => (Internal, "An unexpected error occurred. It has been logged."),
    };
}
