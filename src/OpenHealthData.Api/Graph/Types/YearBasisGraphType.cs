using GraphQL.Types;

namespace OpenHealthData.Api.Graph.Types;

public sealed class YearBasisGraphType : EnumerationGraphType
{
    public YearBasisGraphType()
    {
        Name = "YearBasis";
        Description = "Whether the text gives the year of a figure.";
        Add("STATED", "STATED", "The text gives the year, directly or by an unambiguous phrase.");
        Add("INFERRED", "INFERRED", "The year is inferred; the note says the rule.");
    }
}
