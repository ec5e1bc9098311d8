namespace OpenHealthData.Api.Querying;

/// <summary>A client's mistake in a filter, an order or a page request: answered as BAD_USER_INPUT / 400, never 500.</summary>
public class QueryArgumentException(string message) : Exception(message);

/// <summary>A key that names nothing (a metric code that is neither a metric nor an alias): 404 in REST, BAD_USER_INPUT in GraphQL.</summary>
public sealed class UnknownKeyException(string message) : QueryArgumentException(message);
