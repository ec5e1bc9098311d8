using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Graph.Types;

/// <summary>The GraphQL enums of the closed word lists in <see cref="Vocabulary"/>; a value is the stored word itself.</summary>
public static class VocabularyEnumTypes
{
    public static Type For(IReadOnlySet<string> values) =>
        ReferenceEquals(values, Vocabulary.Qualifiers) ? typeof(QualifierGraphType)
        : ReferenceEquals(values, Vocabulary.YearBases) ? typeof(YearBasisGraphType)
        : throw new ArgumentException("No GraphQL enum for this word list.", nameof(values));
}
