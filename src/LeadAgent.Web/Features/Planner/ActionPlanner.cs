using System.Globalization;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;

namespace LeadAgent.Web.Features.Planner;

/// <summary>
/// The next best actions for a lead, judged from its facts alone (pure: the same facts and time give the same plan).
/// Channel windows come from <see cref="SendPolicy"/>, so the planner and the composer agree on what may be sent.
/// Reasons are stable sentences (no countdowns): a re-plan does not rewrite a stored proposal for nothing; the page
/// counts down from <see cref="Proposal.ExpiresAt"/>.
/// </summary>
public static class ActionPlanner
{
    public static LeadPlan Plan(LeadFacts f, DateTime now, PlannerOptions options, string? blockedBecause)
    {
        var proposals = new List<Proposal>();
        var withheld = new List<string>();
        var contact = f.Contact?.Name ?? "the contact";

        Proposal Make(TaskKind kind, string key, string title, string reason, DateTime due, DateTime? expires = null,
            Guid? conversation = null) =>
            new(kind, key, Cut(title, SalesTask.TitleMax), Cut(reason, SalesTask.ReasonMax), due, expires, f.LeadId,
                f.Company.Id, f.Contact?.Id, conversation, f.OwnerId);

        var contactProposals = new List<Proposal>();
        if (f.IsOpen && f.Engagement.AwaitingReplySince is { } inbound)
        {
            AnswerOrTemplate(f, inbound, now, contact, contactProposals, withheld, Make);
        }
        var followUp = TimeSpan.FromDays(options.FollowUpAfterDays);
        if (f.IsOpen && f.Engagement.QuietSince is { } quiet && now - quiet >= followUp)
        {
            contactProposals.Add(Make(TaskKind.FollowUp, Key(TaskKind.FollowUp, f.LeadId, quiet.Ticks),
                $"Follow up with {contact}",
                $"We wrote to {contact} on {Day(quiet)} and have had no answer for {options.FollowUpAfterDays} days " +
                "or more.", quiet.AddDays(options.FollowUpAfterDays), conversation: f.Engagement.LatestConversationId));
        }
        if (f.IsOpen && f.Band == Classification.Hot && f.OwnerId is null)
        {
            contactProposals.Add(Make(TaskKind.CallHotLead, Key(TaskKind.CallHotLead, f.LeadId, null),
                $"Call hot lead {f.Company.Name}",
                $"The lead is hot (score {f.Score?.ToString(CultureInfo.InvariantCulture) ?? "?"}) and nobody owns " +
                "it: take it and call.", now));
        }
        if (f.Company.OrderCycleDays is { } cycle && f.Company.LastOrderOn is { } last)
        {
            var dueOn = last.AddDays((int)Math.Round(cycle));
            var today = DateOnly.FromDateTime(now);
            if (dueOn <= today.AddDays(options.ReorderAheadDays))
            {
                contactProposals.Add(Make(TaskKind.Reorder, Key(TaskKind.Reorder, f.Company.Id, last.DayNumber),
                    $"Re-order reminder for {f.Company.Name}",
                    $"{f.Company.Name} orders about every {Math.Round(cycle):0} days " +
                    $"({f.Company.OrderCount} orders); " +
                    $"the last was on {last:yyyy-MM-dd}, so the next is due around {dueOn:yyyy-MM-dd}.",
                    dueOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
            }
        }
        if (blockedBecause is not null && contactProposals.Count > 0)
        {
            withheld.AddRange(contactProposals.Select(p => $"{p.Title}: not proposed, {blockedBecause}"));
            contactProposals.Clear();
        }
        proposals.AddRange(contactProposals);

        if (f.IsOpen && Research(f) is { } research)
        {
            if (blockedBecause is not null)
            {
                withheld.Add($"Research {f.Company.Name}: not proposed, {blockedBecause}");
            }
            else
            {
                proposals.Add(Make(TaskKind.ResearchContact, research.Key, $"Find a contact at {f.Company.Name}",
                    research.Reason, now));
            }
        }
        if (!f.IsOpen && proposals.Count == 0)
        {
            withheld.Add($"The lead is {f.Status.ToString().ToLowerInvariant()}: only re-order reminders are " +
                "proposed.");
        }
        return new LeadPlan(f.LeadId, proposals, withheld);
    }

    public static string Key(TaskKind kind, Guid subject, long? fact) =>
        fact is { } v ? $"{kind}:{subject:N}:{v.ToString(CultureInfo.InvariantCulture)}" : $"{kind}:{subject:N}";

    // While the channel's window is open: answer (due since the message came, expiring with the window). WhatsApp
    // after 24 h: only a template. Messenger/Instagram after 7 days: nothing can be sent until the contact writes.
    private static void AnswerOrTemplate(LeadFacts f, DateTime inbound, DateTime now, string contact,
        List<Proposal> proposals, List<string> withheld,
        Func<TaskKind, string, string, string, DateTime, DateTime?, Guid?, Proposal> make)
    {
        var channel = f.Engagement.LatestChannel ?? ChannelKind.Other;
        var conversation = f.Engagement.LatestConversationId;
        var verdict = SendPolicy.Check(channel, inbound, now, isTemplate: false, templateApproved: false);
        var name = channel switch
        {
            ChannelKind.Facebook => "Messenger",
            ChannelKind.Email => "e-mail",
            ChannelKind.Other => "a message",
            _ => channel.ToString(),
        };
        if (verdict.Allowed)
        {
            DateTime? expires = verdict.WindowLeft is { } left && left > TimeSpan.Zero ? now + left : null;
            var window = expires is null ? "E-mail has no reply window."
                : now - inbound < SendPolicy.StandardWindow
                    ? $"Free text is possible while the {name} 24-hour window is open."
                    : $"The 24-hour window closed; a personal reply is allowed until the 7-day window closes.";
            proposals.Add(make(TaskKind.AnswerInbound, Key(TaskKind.AnswerInbound, f.LeadId, inbound.Ticks),
                $"Answer {contact}", $"{contact} wrote on {name} and is waiting for an answer. {window}", inbound,
                expires, conversation));
        }
        else if (verdict.TemplateOnly)
        {
            proposals.Add(make(TaskKind.SendTemplate, Key(TaskKind.SendTemplate, f.LeadId, inbound.Ticks),
                $"Send a WhatsApp template to {contact}",
                $"{contact} wrote on WhatsApp and was not answered within 24 hours: the window closed, so only an " +
                "approved template can be sent now.", inbound + SendPolicy.StandardWindow, null, conversation));
        }
        else
        {
            withheld.Add($"Answer {contact}: {verdict.Explanation}");
        }
    }

    private static (string Key, string Reason)? Research(LeadFacts f)
    {
        if (f.Contact is null && f.Company.ContactCount == 0)
        {
            return (Key(TaskKind.ResearchContact, f.Company.Id, null),
                $"Nobody at {f.Company.Name} is known yet: research the website for contacts (company page, " +
                "Research website).");
        }
        if (f.Contact is { Email: null, Phone: null } c)
        {
            return (Key(TaskKind.ResearchContact, c.Id, null),
                $"{c.Name} has neither an e-mail address nor a phone number: research the website for them.");
        }
        return null;
    }

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
