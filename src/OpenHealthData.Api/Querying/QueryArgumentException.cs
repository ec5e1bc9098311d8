namespace OpenHealthData.Api.Querying;

/// <summary>A client's mistake in a filter, an order or a page request: answered as BAD_USER_INPUT / 400, never 500.</summary>
/// <param name="argument">The argument or parameter that is wrong (e.g. after), when it is one.</param>
public class QueryArgumentException(string message, string? argument = null) : Exception(message)
{
    public string? Argument => argument;
}
