using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Templates;
using Microsoft.Extensions.Time.Testing;

namespace LeadAgent.Tests.Inbox;

/// <summary>Channel rules at the window edges, with time moved by a fake clock.</summary>
public sealed class SendPolicyTests
{
    private static readonly DateTimeOffset Inbound = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static SendVerdict At(FakeTimeProvider clock, ChannelKind channel, bool template = false, bool approved =
        false,
        SenderKind sender = SenderKind.Human, string? suppressed = null) =>
        SendPolicy.Check(channel, Inbound.UtcDateTime, clock.GetUtcNow().UtcDateTime, template, approved, sender,
            suppressed);

    [Fact]
    public void WhatsApp_free_text_ends_exactly_24_hours_after_the_last_inbound_message_then_only_approved_templates()
    {
        var clock = new FakeTimeProvider(Inbound);
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var last = At(clock, ChannelKind.WhatsApp);
        Assert.True(last.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(1), last.WindowLeft);

        clock.Advance(TimeSpan.FromSeconds(1));
        var closed = At(clock, ChannelKind.WhatsApp);
        Assert.False(closed.Allowed);
        Assert.True(closed.TemplateOnly);
        Assert.Contains("approved template", closed.Explanation);

        Assert.True(At(clock, ChannelKind.WhatsApp, template: true, approved: true).Allowed);
        Assert.False(At(clock, ChannelKind.WhatsApp, template: true, approved: false).Allowed);
        // Never written: a business-initiated conversation starts with a template.
        Assert.False(SendPolicy.Check(ChannelKind.WhatsApp, null, clock.GetUtcNow().UtcDateTime, false, false).Allowed);
        Assert.True(SendPolicy.Check(ChannelKind.WhatsApp, null, clock.GetUtcNow().UtcDateTime, true, true).Allowed);
    }

    [Theory]
    [InlineData(ChannelKind.Facebook)]
    [InlineData(ChannelKind.Instagram)]
    public void Messenger_and_Instagram_allow_anyone_for_24_hours_a_person_until_7_days_then_nobody(ChannelKind channel)
    {
        var clock = new FakeTimeProvider(Inbound);
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromTicks(1));
        Assert.True(At(clock, channel, sender: SenderKind.Automation).Allowed);

        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(At(clock, channel, sender: SenderKind.Automation).Allowed);
        var human = At(clock, channel);
        Assert.True(human.Allowed);
        Assert.Equal(TimeSpan.FromDays(6), human.WindowLeft);
        Assert.Contains("human agent", human.Explanation);

        clock.Advance(TimeSpan.FromDays(6) - TimeSpan.FromTicks(1));
        Assert.True(At(clock, channel).Allowed);
        clock.Advance(TimeSpan.FromTicks(1));
        var closed = At(clock, channel);
        Assert.False(closed.Allowed);
        Assert.Contains("7-day", closed.Explanation);
        // No cold outreach.
        Assert.False(SendPolicy.Check(channel, null, clock.GetUtcNow().UtcDateTime, false, false).Allowed);
    }

    [Fact]
    public void Email_has_no_window_but_suppressed_addresses_are_blocked()
    {
        var clock = new FakeTimeProvider(Inbound);
        clock.Advance(TimeSpan.FromDays(400));
        Assert.True(At(clock, ChannelKind.Email).Allowed);
        var blocked = At(clock, ChannelKind.Email, suppressed: "hard bounce");
        Assert.False(blocked.Allowed);
        Assert.Contains("hard bounce", blocked.Explanation);
    }

    [Fact]
    public void Templates_fill_variables_and_numbered_parameters_and_name_what_is_missing()
    {
        var values = new TemplateValues(new Dictionary<string, string?>
        {
            ["contact.first_name"] = "Lena",
            ["company.name"] = null
        });
        Assert.Equal(2, TemplateRenderer.NumberedCount("Hallo {{1}}, Angebot {{2}}"));
        var (text, problems) = TemplateRenderer.Render("Hallo {{1}}, Angebot von {{ 2 }}.", values,
            ["{{contact.first_name}}", "Promo GmbH"]);
        Assert.Equal("Hallo Lena, Angebot von Promo GmbH.", text);
        Assert.Empty(problems);
        var (_, missing) = TemplateRenderer
            .Render("Hi {{contact.first_name}} from {{company.name}} {{contact.shoe_size}} {{1}}", values);
        Assert.Equal(3, missing.Count);
        Assert.Contains(missing, p => p.Contains("company.name") && p.Contains("empty"));
        Assert.Contains(missing, p => p.Contains("Unknown variable {{contact.shoe_size}}"));
        Assert.Contains(missing, p => p.Contains("{{1}} needs a value"));
    }
}
