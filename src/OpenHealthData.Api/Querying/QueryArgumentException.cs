namespace OpenHealthData.Api.Querying;

/// <summary>A client's mistake in a filter, an order or a page request: answered as BAD_USER_INPUT / 400, never 500.</summary>
public class QueryArgumentException(string message) : Exception(message);
