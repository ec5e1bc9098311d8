using GraphQL.Types;

namespace OpenHealthData.Api.Graph.Types;

public sealed class QualifierGraphType : EnumerationGraphType
{
    public QualifierGraphType()
    {
        Name = "Qualifier";
        Description = "How an observation's value relates to the figure in the text.";
        Add("EXACT", "EXACT", "The number as stated.");
        Add("APPROXIMATE", "APPROXIMATE", "About the number (约, 近, 左右); value is the number.");
        Add("AT_LEAST", "AT_LEAST", "The number or more (余, 多, 以上, 超过, 不低于); value is the lower bound.");
        Add("AT_MOST", "AT_MOST", "The number or less (以内, 不超过, 小于, 低于, 控制在), and \"top N\" ranks; value is the upper bound.");
        Add("RANGE", "RANGE", "Between lowerBound and upperBound; value is the lower bound.");
        Add("RANK", "RANK", "A position in a ranking (1 = first); unit rank.");
    }
}
