using GraphQL.Types;
using OpenHealthData.Api.Search;

namespace OpenHealthData.Api.Graph.Types;

public sealed class SearchMatchType : ObjectGraphType<FieldMatch>
{
    public SearchMatchType()
    {
        Name = "SearchMatch";
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The field's whole text.").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TextSpanType>>>>("spans").Description("Where the words are in text.").Resolve(c => c.Source.Spans);
    }
}
