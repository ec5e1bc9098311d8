using OpenHealthData.Api.Review;

namespace OpenHealthData.Tests.Drafting;

/// <summary>A candidate's place in its text, as the review page marks it: the sentence, the quote, the number.</summary>
public sealed class ReviewCandidateTests
{
    private static string Show(IEnumerable<ContextRun> runs) => string.Concat(runs.Select(r =>
        r.Number ? $"[{r.Text}]" : r.Quote ? $"<{r.Text}>" : r.Sentence ? r.Text : $"({r.Text})"));

    [Fact]
    public void The_number_is_marked_in_its_quote_in_its_sentence_with_some_text_around()
    {
        const string text = "一、工作总结\n\n\n2024年,全县人均预期寿命达到80.12岁,婴儿死亡率为3.2‰。\n\n新建村卫生室12个。";
        var offset = text.IndexOf("3.2‰", StringComparison.Ordinal);

        var runs = ReviewCandidate.Runs(text, "2024年,全县人均预期寿命达到80.12岁,婴儿死亡率为3.2‰。", "婴儿死亡率为3.2‰", "3.2‰", offset);

        // The blank lines between the paragraphs become one line break; nothing is cut, so no ellipsis.
        Assert.Equal("(一、工作总结\n)2024年,全县人均预期寿命达到80.12岁,<婴儿死亡率为>[3.2‰]。(\n新建村卫生室12个。)", Show(runs));
    }

    [Fact]
    public void A_number_said_twice_in_the_sentence_is_marked_where_the_offset_says()
    {
        const string text = "床位12张,医生12名。";
        var runs = ReviewCandidate.Runs(text, text, "医生12名", "12名", text.IndexOf("12名", StringComparison.Ordinal));
        Assert.Equal("床位12张,<医生>[12名]。", Show(runs));
    }

    [Fact]
    public void Far_text_is_cut_with_an_ellipsis_and_without_the_text_the_sentence_stands_alone()
    {
        var text = new string('甲', 200) + "。重点人群签约率达82.36%。" + new string('乙', 200);
        var runs = ReviewCandidate.Runs(text, "重点人群签约率达82.36%。", "签约率达82.36%", "82.36%", text.IndexOf("82.36%", StringComparison.Ordinal));
        Assert.Equal($"(…)({new string('甲', 59)}。)重点人群<签约率达>[82.36%]。({new string('乙', 60)})(…)", Show(runs));

        var alone = ReviewCandidate.Runs(null, "重点人群签约率达82.36%。", "签约率达82.36%", "82.36%", 999);
        Assert.Equal("重点人群<签约率达>[82.36%]。", Show(alone));
    }
}
