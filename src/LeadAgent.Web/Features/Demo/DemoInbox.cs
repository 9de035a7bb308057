using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Providers.Sandbox;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Demo;

/// <summary>
/// Sample conversations for the demo workspace, made the way a user would make them: customers write on sandbox
/// channels (matched to demo contacts by their numbers, one unknown sender becomes a new lead), and a reply goes out
/// through the outbox. Plus two reply templates.
/// </summary>
public sealed class DemoInbox(IDbContextFactory<AppDbContext> dbFactory, SandboxService sandbox,
    WebhookProcessor processor, InboxCommands commands, TemplateService templates,
    HttpActorSource actor)
{
    private static readonly string[] Openers =
    [
        "Hi! Could you send me a quote for 300 branded tote bags for our conference in May?",
        "Hallo, wir bräuchten 500 Lanyards mit Logo bis Ende des Monats. Geht das?",
        "Do you also print on recycled notebooks? We need about 200.",
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Conversations.AnyAsync(ct))
            {
                return;
            }
            var people = await db.ContactIdentities.Where(i => i.Kind == IdentityKind.WhatsApp)
                .Join(db.Contacts, i => i.ContactId, c => c.Id, (i, c) => new { c.FirstName, c.LastName, i.Value })
                .OrderBy(x => x.FirstName).Take(Openers.Length).ToListAsync(ct);
            for (var i = 0; i < people.Count; i++)
            {
                await sandbox.ReceiveAsync(new SandboxMessageInput(ChannelKind.WhatsApp,
                    $"{people[i].FirstName} {people[i].LastName}".Trim(), people[i].Value, null, Openers[i]), ct);
            }
        }
        await sandbox.ReceiveAsync(new SandboxMessageInput(ChannelKind.Instagram, "Nora Lindqvist", null, null,
            "Saw your stand at the Berlin fair — do you do custom enamel pins? Minimum order?"), ct);
        await sandbox.ReceiveAsync(new SandboxMessageInput(ChannelKind.Email, "Peter Okafor", null,
            "peter.okafor@brightwave-events.example",
            "Hello,\nwe are planning a product launch for 800 guests and need welcome kits. Could we get a call this " +
                "week?\n\nBest, Peter", "Welcome kits for a product launch"), ct);
        while (await processor.ProcessDueAsync(ct) > 0)
        {
        }
        await templates.SaveAsync(null, new TemplateInput("Thanks, quote follows",
            "Hi {{contact.first_name}}, thanks for your message! {{user.name}} here — I'll send you a quote for " +
                "{{company.name}} today."), ct);
        await templates.SaveAsync(null, new TemplateInput("Ask for details",
            "Hi {{contact.first_name}}, happy to help. What quantity, colours and delivery date do you have in mind?"),
            ct);

        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var first = await read.Conversations.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstOrDefaultAsync(ct);
        var julia = await read.Users.Where(u => u.Email == "julia.weiss@demo.leadagent")
            .Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
        if (first != Guid.Empty)
        {
            // Answered by a demo salesperson, as a real reply would be.
            if (julia is not null)
            {
                actor.Set(new Data.Actor(Data.ActorKind.User, julia.Id, julia.Email!, null,
                    [Data.Roles.Sales]));
            }
            await commands
                .ReplyAsync(first,
                new ReplyInput("Thanks for reaching out! Which colour would you like the bags in, and is the logo " +
                    "one-colour?"), ct);
        }
    }
}
