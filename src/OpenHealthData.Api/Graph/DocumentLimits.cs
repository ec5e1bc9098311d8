using System.Text;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// Reads a new document within the limits: its size before anything else reads it, then its tokens while lexing,
/// its nesting while parsing, its aliases once parsed, then its depth and fields with fragments expanded
/// (<see cref="ExpandedSize"/>). Syntax errors are left to the executer, which reports them
/// with their location.
/// </summary>
public static class DocumentLimits
{
    /// <returns>The document, and the limit it is over if any; or neither for a syntax error.</returns>
    public static (GraphQLDocument? Document, RequestLimitError? Rejection) Parse(string query, RequestLimits limits)
    {
        var bytes = Encoding.UTF8.GetByteCount(query);
        if (bytes > limits.MaxDocumentBytes)
            return (null, new(RequestLimitError.DocumentTooLarge, $"The document has {bytes} bytes; the limit is {limits.MaxDocumentBytes}."));
        var tokens = 0;
        try
        {
            for (var token = Lexer.Lex(query, 0); token.Kind != TokenKind.EOF; token = Lexer.Lex(query, token.End))
                if (++tokens > limits.MaxTokens)
                    return (null, new(RequestLimitError.DocumentTooLarge, $"The document has more than {limits.MaxTokens} tokens, the limit."));
            // Locations are kept: a validation error reports the line and column of its node from them.
            var document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = 4 * limits.MaxDepth + 16 });
            var aliases = CountAliases(document);
            if (aliases > limits.MaxAliases)
                return (null, new(RequestLimitError.TooManyAliases, $"The document has {aliases} aliases; the limit is {limits.MaxAliases}."));
            return (document, Expanded(ExpandedSize.Of(document), limits));
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new(RequestLimitError.QueryTooDeep, $"The document is nested too deeply; the limit is {limits.MaxDepth} levels of fields."));
        }
        catch (GraphQLSyntaxErrorException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Before any validation rule walks the operation: its depth and its fields with every fragment spread expanded,
    /// measured in one linear pass. Within these limits every later walk is bounded, however the fragments nest.
    /// </summary>
    public static RequestLimitError? Expanded(ExpandedSize size, RequestLimits limits) =>
        size.Depth > limits.MaxDepth
            ? new(RequestLimitError.QueryTooDeep, $"Query is too nested to execute. Depth is {size.Depth} levels, maximum allowed on this endpoint is {limits.MaxDepth}.")
            : size.Fields > limits.MaxFields
                ? new(RequestLimitError.TooManyFields, $"The query selects {Count(size.Fields)} fields once its fragments are expanded; the limit is {limits.MaxFields}.")
                : null;

    private static string Count(long fields) => fields >= 1L << 50 ? "more than 10^15" : fields.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int CountAliases(ASTNode node) => node switch
    {
        GraphQLField field => (field.Alias is null ? 0 : 1) + (field.SelectionSet is null ? 0 : CountAliases(field.SelectionSet)),
        GraphQLSelectionSet set => set.Selections.Sum(CountAliases),
        GraphQLOperationDefinition op => CountAliases(op.SelectionSet),
        GraphQLFragmentDefinition fragment => CountAliases(fragment.SelectionSet),
        GraphQLInlineFragment inline => CountAliases(inline.SelectionSet),
        GraphQLDocument document => document.Definitions.Sum(CountAliases),
        _ => 0,
    };
}
