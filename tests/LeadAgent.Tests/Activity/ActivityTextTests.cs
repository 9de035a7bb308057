using LeadAgent.Web.Features.Activity;

namespace LeadAgent.Tests.Activity;

/// <summary>What a timeline line says: labels, people, readable values, and nothing for values never set.</summary>
public sealed class ActivityTextTests
{
    private static readonly Dictionary<string, string> Names = new() { ["u1"] = "Jana Weber" };

    [Fact]
    public void A_creation_lists_what_the_record_has_with_labels_and_readable_values()
    {
        var json = """
            {"title":"Stand 2027","expectedValue":14000.0,"tags":[],"customFields":{},"nextActionOn":null,
             "currency":"EUR","ownerId":"u1","probability":0.35,"labels":["fair","dach"],"companyId":"x"}
            """;
        Assert.Equal(
            ["Title: Stand 2027", "Expected value: 14,000", "Currency: EUR", "Owner: Jana Weber",
                "Probability: 0.35", "Labels: fair, dach"],
            ActivityText.Lines(json, Names).ToArray());
    }

    [Fact]
    public void A_change_shows_before_and_after_with_a_dash_for_nothing()
    {
        var json = """
            {"ownerId":{"from":null,"to":"u1"},"status":{"from":"New","to":"Contacted"},"tags":{"from":["a"],"to":[]}}
            """;
        Assert.Equal(["Owner: — → Jana Weber", "Status: New → Contacted", "Tags: a → —"],
            ActivityText.Lines(json, Names).ToArray());
    }

    [Fact]
    public void A_stored_snapshot_shows_its_values_not_a_change_from_nothing()
    {
        var created = """{"firstName":{"to":"Jana"},"ownerId":{"to":"u1"},"phone":{"to":null}}""";
        var deleted = """{"firstName":{"from":"Jana"}}""";
        Assert.Equal(["First name: Jana", "Owner: Jana Weber"], ActivityText.Lines(created, Names).ToArray());
        Assert.Equal(["First name: Jana"], ActivityText.Lines(deleted, Names).ToArray());
    }

    [Fact]
    public void A_notes_text_is_taken_out_of_the_lines_for_the_timeline_to_render_as_markdown()
    {
        var written = """{"body":{"to":"**Call** back"},"kind":{"to":"Call"}}""";
        var edited = """{"body":{"from":"old","to":"new *text*"}}""";
        Assert.Equal("**Call** back", ActivityText.Body(written));
        Assert.Equal("new *text*", ActivityText.Body(edited));
        Assert.Null(ActivityText.Body("""{"title":{"to":"x"}}"""));
        Assert.Equal(["Kind: Call"], ActivityText.Lines(written, Names, skip: "body").ToArray());
    }

    [Theory]
    [InlineData("expectedValue", "Expected value")]
    [InlineData("nextActionOn", "Next action")]
    [InlineData("lastOrderOn", "Last order on")]
    [InlineData("title", "Title")]
    public void Field_names_read_as_labels(string field, string label) =>
        Assert.Equal(label, ActivityText.Label(field));
}
