using GraphQL.Validation;
using GraphQLParser.AST;

namespace OpenHealthData.Api.Graph;

/// <summary>A mutation or subscription: this API is read-only, and over GET only queries may be sent (answered 405).</summary>
public sealed class OperationNotAllowedError : ValidationError
{
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    public OperationNotAllowedError(OperationType type, bool overGet)
        : base(overGet
            ? $"A {Name(type)} cannot be sent with GET; use POST."
            : $"This API is read-only: it has no {Name(type)} operations.")
    {
        OverGet = overGet;
        Code = overGet ? MethodNotAllowed : ErrorCodes.ValidationFailed;
    }

    /// <summary>Sent with GET: the answer is 405 with Allow: POST.</summary>
    public bool OverGet { get; }

    private static string Name(OperationType type) => type.ToString().ToLowerInvariant();
}
