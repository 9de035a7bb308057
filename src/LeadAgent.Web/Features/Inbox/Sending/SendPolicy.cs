using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Sending;

/// <summary>Who is sending: a person in the inbox, or automation (autopilot, sequences) which gets the stricter
/// rules.</summary>
public enum SenderKind { Human, Automation }

/// <summary>The verdict for a send, with the reason shown in the composer and returned by the API.</summary>
public sealed record SendVerdict(bool Allowed, string Explanation, TimeSpan? WindowLeft, bool TemplateOnly)
{
    public static SendVerdict Yes(string why, TimeSpan? left = null) => new(true, why, left, false);

    public static SendVerdict No(string why, bool templateOnly = false) => new(false, why, TimeSpan.Zero, templateOnly);
}

/// <summary>
/// The channel rules a safe sender enforces before anything goes out (reference: respondio.md §4):
/// WhatsApp free text only within 24 h of the contact's last inbound message, otherwise an approved template;
/// Messenger/Instagram 24 h, a human up to 7 days (Respond.io applies the HUMAN_AGENT tag), never a template-less cold
/// message; e-mail never to a suppressed address; automation never to a contact on the block list (a person may
/// still answer, warned by the conversation's banner). One pure function so every path (inbox, API, autopilot) agrees.
/// </summary>
public static class SendPolicy
{
    public static readonly TimeSpan StandardWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// The <c>SenderSource</c> of a message a person wrote in the inbox; any other queued one is automated.
    /// </summary>
    public const string HumanSource = "user";

    public static SenderKind KindOf(string? senderSource) =>
        senderSource == HumanSource ? SenderKind.Human : SenderKind.Automation;

    public static SendVerdict Check(ChannelKind channel, DateTime? lastInboundAt, DateTime now, bool isTemplate,
        bool templateApproved, SenderKind sender = SenderKind.Human, string? suppressedBecause = null,
        string? blockedBecause = null)
    {
        if (sender == SenderKind.Automation && blockedBecause is not null)
        {
            return SendVerdict.No($"Never sent automatically: {blockedBecause}");
        }
        var since = lastInboundAt is { } at ? now - at : (TimeSpan?)null;
        switch (channel)
        {
            case ChannelKind.WhatsApp:
                if (isTemplate)
                {
                    return templateApproved
                        ? SendVerdict.Yes("Approved WhatsApp templates may be sent at any time.",
                            Left(since, StandardWindow))
                        : SendVerdict.No("Only templates approved by WhatsApp can be sent.", true);
                }
                if (since is null)
                {
                    return SendVerdict
                        .No("The contact has not written on WhatsApp yet: start with an approved template.", true);
                }
                return since < StandardWindow
                    ? SendVerdict
                        .Yes($"WhatsApp 24-hour window open: {Format(StandardWindow - since.Value)} left for free " +
                            "text.", StandardWindow - since)
                    : SendVerdict
                        .No($"The WhatsApp 24-hour window closed {Format(since.Value - StandardWindow)} ago: only an " +
                            "approved template can be sent.", true);

            case ChannelKind.Facebook or ChannelKind.Instagram:
                var name = channel == ChannelKind.Facebook ? "Messenger" : "Instagram";
                if (isTemplate && !templateApproved)
                {
                    return SendVerdict.No("Only approved templates can be sent.");
                }
                if (since is null)
                {
                    return SendVerdict.No($"{name} does not allow writing first: the contact has to message you.");
                }
                if (since < StandardWindow)
                {
                    return SendVerdict.Yes($"{name} 24-hour window open: {Format(StandardWindow - since.Value)} left.",
                        StandardWindow - since);
                }
                if (sender == SenderKind.Automation)
                {
                    return SendVerdict
                        .No($"The {name} 24-hour window closed; after it only a person may reply (up to 7 days), " +
                            "never automation.");
                }
                return since < HumanAgentWindow
                    ? SendVerdict
                        .Yes($"Outside the 24-hour window: a personal reply is allowed for " +
                            $"{Format(HumanAgentWindow - since.Value)} more (human agent tag).",
                            HumanAgentWindow - since)
                    : SendVerdict
                        .No($"The {name} 7-day human-agent window closed {Format(since.Value - HumanAgentWindow)} " +
                            "ago: wait for the contact to write again.");

            case ChannelKind.Email:
                return suppressedBecause is null
                    ? SendVerdict.Yes("E-mail has no reply window.")
                    : SendVerdict.No($"This address is suppressed ({suppressedBecause}); nothing can be sent to it.");

            default:
                return SendVerdict.Yes("This channel has no reply window.");
        }
    }

    private static TimeSpan? Left(TimeSpan? since, TimeSpan window) => since is { } s && s < window ? window - s : null;

    /// <summary>"3 h 12 min", "2 d 4 h", "45 min".</summary>
    public static string Format(TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return $"{(int)span.TotalDays} d {span.Hours} h";
        }
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} min";
    }
}
