using GraphQL.Types;
using OpenHealthData.Api.Search;

namespace OpenHealthData.Api.Graph.Types;

public sealed class TextSpanType : ObjectGraphType<TextSpan>
{
    public TextSpanType()
    {
        Name = "TextSpan";
        Description = "A span of a text, in UTF-16 code units as JavaScript counts them.";
        Field<NonNullGraphType<IntGraphType>>("start").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<IntGraphType>>("length").Resolve(c => c.Source.Length);
    }
}
