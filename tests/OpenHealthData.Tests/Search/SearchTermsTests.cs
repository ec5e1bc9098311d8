using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Search;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Tests.Search;

/// <summary>How typed text becomes terms, and how a quote's sentence is found.</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("birth rate", new[] { "birth", "rate" })]
    [InlineData("\"birth rate\" Yueqing", new[] { "birth rate", "Yueqing" })]
    [InlineData("“出生率”，乐清", new[] { "出生率", "乐清" })]
    [InlineData("rate Rate RATE", new[] { "rate" })]
    [InlineData("  出生率、死亡率。 ", new[] { "出生率", "死亡率" })]
    [InlineData("ＡＢＣ", new[] { "ABC" })] // full-width letters as typed by a Chinese keyboard
    public void Text_is_split_into_the_terms_every_result_must_contain(string text, string[] terms) =>
        Assert.Equal(terms, SearchTerms.Parse(text));

    [Fact]
    public void Empty_text_has_no_terms_and_too_much_text_is_refused()
    {
        Assert.Empty(SearchTerms.Parse("  "));
        Assert.Empty(SearchTerms.Parse(null));
        Assert.Throws<QueryArgumentException>(() => SearchTerms.Parse(new string('a', SearchTerms.MaxLength + 1)));
        Assert.Throws<QueryArgumentException>(() => SearchTerms.Parse(string.Join(" ", Enumerable.Range(0, SearchTerms.MaxTerms + 1))));
    }

    [Theory]
    [InlineData("甲。乙丙丁，戊。己。", "丙丁", "乙丙丁，戊。")]
    [InlineData("甲。乙丙丁，戊。己。", "乙丙丁，戊。", "乙丙丁，戊。")] // a quote that ends its sentence
    [InlineData("乙丙丁，戊", "乙", "乙丙丁，戊")] // no full stop at either end
    [InlineData("甲。乙丙\n丁。", "乙", "乙丙")] // a line break ends a sentence
    [InlineData("甲。乙丙。丁戊。", "丙。丁", "乙丙。丁戊。")] // a quote across two sentences gets both
    [InlineData("甲。乙。", "不在", "不在")] // not in the text: the quote itself
    public void The_sentence_runs_from_the_previous_full_stop_to_the_quotes_own(string text, string quote, string sentence) =>
        Assert.Equal(sentence, Sentences.Around(text, quote));
}
