using GraphQL.Types;

namespace OpenHealthData.Api.Graph.Types;

public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Add("ASC", "ASC", "Ascending.");
        Add("DESC", "DESC", "Descending.");
    }
}
