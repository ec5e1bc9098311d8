using GraphQL.Validation;

namespace OpenHealthData.Api.Graph;

/// <summary>A document over one of the request limits (<see cref="RequestLimits"/>); its code names the limit.</summary>
public sealed class RequestLimitError : ValidationError
{
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string QueryTooDeep = "QUERY_TOO_DEEP";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string TooManyFields = "TOO_MANY_FIELDS";
    public const string ListTooLong = "LIST_TOO_LONG";
    public const string FilterTooLarge = "FILTER_TOO_LARGE";
    public const string TooManyOrderKeys = "TOO_MANY_ORDER_KEYS";
    public const string OrderKeyTooDeep = "ORDER_KEY_TOO_DEEP";

    public RequestLimitError(string code, string message) : base(message) => Code = code;
}
