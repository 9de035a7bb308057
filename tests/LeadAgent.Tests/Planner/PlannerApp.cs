using System.Net.Http.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Planner;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadAgent.Tests.Planner;

/// <summary>
/// The app on a fake clock: windows close, follow-ups fall due and snoozed tasks come back when a test moves
/// <see cref="Clock"/> on, never by sleeping.
/// </summary>
public class PlannerApp(Provider provider) : AppFactory(provider)
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));

    /// <summary>Plans the leads (as the worker would) and returns what it did.</summary>
    public async Task<PlanSummary> PlanAsync(params Guid[] leadIds)
    {
        await using var db = CreateDbContext();
        return await Services.GetRequiredService<PlannerService>()
            .PlanAsync(db, db.Set<Lead>().Where(l => leadIds.Contains(l.Id)), CancellationToken.None);
    }

    public async Task<List<SalesTask>> TasksOfAsync(Guid leadId)
    {
        await using var db = CreateDbContext();
        return await db.SalesTasks.AsNoTracking().Where(t => t.LeadId == leadId).OrderBy(t => t.CreatedAt)
            .ToListAsync();
    }

    /// <summary>A conversation of the contact on the channel kind, with an inbound message at the time.</summary>
    public async Task<Guid> InboundAsync(Guid contactId, ChannelKind kind, DateTime at, string text = "Hi!")
    {
        await using var db = CreateDbContext();
        var channel = new Channel
        {
            Provider = "test",
            ExternalId = Guid.NewGuid().ToString("N"),
            Name = $"{kind} test",
            Source = kind.ToString().ToLowerInvariant(),
            Kind = kind,
            CreatedAt = at,
        };
        var conversation = new Conversation
        {
            ChannelId = channel.Id,
            ExternalContactId = Guid.NewGuid().ToString("N"),
            ContactId = contactId,
            DisplayName = "Anna",
            Status = ConversationStatus.Open,
            StatusChangedAt = at,
            LastMessageAt = at,
            LastInboundAt = at,
            LastMessagePreview = text,
            InboundCount = 1,
            CreatedAt = at,
            UpdatedAt = at,
        };
        db.Add(channel);
        db.Add(conversation);
        db.Add(new Message
        {
            ConversationId = conversation.Id,
            Direction = MessageDirection.Inbound,
            Type = "text",
            Text = text,
            Status = DeliveryStatus.Received,
            At = at,
            CreatedAt = at,
        });
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    /// <summary>Our answer in the conversation at the time.</summary>
    public async Task AnswerAsync(Guid conversationId, DateTime at)
    {
        await using var db = CreateDbContext();
        db.Add(new Message
        {
            ConversationId = conversationId,
            Direction = MessageDirection.Outbound,
            Type = "text",
            Text = "Thanks, here is the quote.",
            Status = DeliveryStatus.Sent,
            At = at,
            CreatedAt = at,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A sales user's client, a company, a contact with an e-mail address and a lead owned by the user.
    /// </summary>
    public async Task<Seeded> SeedAsync(string? owner = "me", Classification? band = null)
    {
        var (user, token) = await CreateUserAsync(Roles.Sales);
        var c = TokenClient(token);
        var company = await c.CreateAsync(Make.Company());
        var contact = await c.CreateAsync(Make.Contact("Anna", company) with
        {
            Identities = [new IdentityInput(IdentityKind.Email, $"anna{Guid.NewGuid():N}@example.com")],
        });
        var lead = await c.CreateAsync(Make.Lead(company) with
        {
            PrimaryContactId = contact.Id,
            OwnerId = owner == "me" ? user.Id : owner,
        });
        await SetScoreAsync(lead.Id, band == Classification.Hot ? 90 : null, band);
        return new Seeded(c, user.Id, company.Id, contact.Id, lead.Id);
    }

    public static Task<HttpResponseMessage> PatchAsync(HttpClient c, Guid id, TaskPatch patch) =>
        c.PatchAsync($"/api/v1/tasks/{id}", JsonContent.Create(patch, options: Json),
            TestContext.Current.CancellationToken);
}

public sealed record Seeded(HttpClient Client, string UserId, Guid CompanyId, Guid ContactId, Guid LeadId);

public sealed class SqlitePlannerApp() : PlannerApp(Provider.Sqlite);

public sealed class PostgresPlannerApp() : PlannerApp(Provider.Postgres);

[CollectionDefinition(nameof(SqlitePlanner))]
public sealed class SqlitePlanner : ICollectionFixture<SqlitePlannerApp>;

[CollectionDefinition(nameof(PostgresPlanner))]
public sealed class PostgresPlanner : ICollectionFixture<PostgresPlannerApp>;
