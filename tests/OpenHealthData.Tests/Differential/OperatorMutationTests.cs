using System.Reflection;
using OpenHealthData.Api.Querying;
using OpenHealthData.Data;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Differential;

/// <summary>
/// The differential test is not blind: with startsWith's SQL put back to what it once was (LIKE, which ignores
/// ASCII case), it finds a query the oracle answers differently. Serial: it changes the operator for the whole process.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class OperatorMutationTests
{
    [Fact]
    public void A_broken_operator_is_caught_and_its_case_shrunk()
    {
        var write = typeof(FilterOperator).GetField($"<{nameof(FilterOperator.Write)}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var original = write.GetValue(FilterOperators.StartsWith);
        Func<Sql, object, Sql> like = (column, value) => Sql.Of($"{column} LIKE {FilterOperators.LikeLiteral((string)value) + "%"} ESCAPE '\\'");
        using var api = new GeneratedDataApi();
        write.SetValue(FilterOperators.StartsWith, like);
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => Differential.Check(api, Differential.Cases));
            Console.WriteLine(failure.Message);
            Assert.Contains("startsWith", failure.Message);
            // FsCheck says how many times it shrank the case; a case found already minimal (0 shrinks) has nothing to shrink.
            var shrinks = int.Parse(System.Text.RegularExpressions.Regex.Match(failure.Message, @"\((\d+) shrinks?\)").Groups[1].Value);
            if (shrinks > 0) Assert.Contains("Shrunk", failure.Message);
        }
        finally
        {
            write.SetValue(FilterOperators.StartsWith, original);
        }
    }
}
