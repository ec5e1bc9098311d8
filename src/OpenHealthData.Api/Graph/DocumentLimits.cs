using System.Text;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace OpenHealthData.Api.Graph;

/// <summary>
/// Reads a new document within the limits: its size before anything else reads it, then its tokens while lexing,
/// its nesting while parsing and its aliases once parsed. Syntax errors are left to the executer, which reports them
/// with their location.
/// </summary>
public static class DocumentLimits
{
    /// <returns>The document; or the limit it is over; or neither for a syntax error.</returns>
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
            return aliases > limits.MaxAliases
                ? (null, new(RequestLimitError.TooManyAliases, $"The document has {aliases} aliases; the limit is {limits.MaxAliases}."))
                : (document, null);
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
