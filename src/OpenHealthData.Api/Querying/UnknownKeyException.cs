namespace OpenHealthData.Api.Querying;

/// <summary>A key that names nothing (a metric code that is neither a metric nor an alias): 404 in REST, BAD_USER_INPUT in GraphQL.</summary>
public sealed class UnknownKeyException(string message) : QueryArgumentException(message);
