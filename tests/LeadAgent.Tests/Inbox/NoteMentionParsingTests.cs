using LeadAgent.Web.Features.Inbox.Mentions;

namespace LeadAgent.Tests.Inbox;

/// <summary>Which "@…" in a note's text names whom, and how the text is cut for highlighting.</summary>
public sealed class NoteMentionParsingTests
{
    private static readonly MentionableUser[] Users =
    [
        new("a", "Anna Berg", "anna@example.com"),
        new("b", "Anna Bergström", "ab@example.com"),
        new("c", "sales 1", "s1@example.com"),
        new("d", "sales 12", "s12@example.com"),
        new("e", "Sam", "sam@example.com") { Handle = "sam@example.com" },
        new("f", "Sam", "sam2@example.com") { Handle = "sam2@example.com" },
    ];

    private static List<string> Ids(string text) => NoteMentions.Find(text, Users).Select(m => m.UserId).ToList();

    [Theory]
    [InlineData("@Anna Berg please", "a")]
    [InlineData("(@anna bergström) and @Anna Berg.", "b,a")]
    [InlineData("@sales 12 and @sales 1, @sales 1", "d,c")]
    [InlineData("write to bob@Anna Berg or @Anna Bergx", "")]
    [InlineData("@Sam hi", "")]
    [InlineData("@sam2@example.com hi, @anna@example.com.", "f,a")]
    [InlineData("@anna@example.com.au", "")]
    [InlineData("@", "")]
    public void Finds_the_longest_active_name_or_email_after_an_at_sign(string text, string expected) =>
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Ids(text));

    [Fact]
    public void Segments_highlight_only_the_mentions_as_written()
    {
        var text = "Hi @ANNA BERG, mail anna@example.com or @Nobody";
        var parts = NoteMentions.Segments(text, NoteMentions.Find(text, Users));
        Assert.Equal([("Hi ", false), ("@ANNA BERG", true), (", mail anna@example.com or @Nobody", false)], parts);
        Assert.Equal([("<b>@x</b>", false)], NoteMentions.Segments("<b>@x</b>", []));
    }
}
