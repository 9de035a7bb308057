using LeadAgent.Tests.Planner;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;

namespace LeadAgent.Tests.Qualification.Facts;

/// <summary>
/// What the inbox adds to a lead's facts, from real messages on SQLite and PostgreSQL: our messages that did not fail,
/// and the median reply time over inbound messages answering ours within 180 days (notes and a second inbound in a
/// row do not count as replies).
/// </summary>
public abstract class LeadFactsLoaderTests(PlannerApp app)
{
    [Fact]
    public async Task Engagement_counts_what_we_sent_and_the_median_time_to_reply()
    {
        var seeded = await app.SeedAsync();
        var t0 = app.Now.AddDays(-10);
        var conversation = await app.InboundAsync(seeded.ContactId, ChannelKind.WhatsApp, t0.AddDays(-300));
        await using (var db = app.CreateDbContext())
        {
            void Add(MessageDirection direction, DateTime at, DeliveryStatus status) => db.Add(new Message
            {
                ConversationId = conversation,
                Direction = direction,
                Type = "text",
                Text = direction.ToString(),
                Status = status,
                At = at,
                CreatedAt = at,
            });
            Add(MessageDirection.Outbound, t0.AddDays(-299), DeliveryStatus.Read); // answered too long ago to count
            Add(MessageDirection.Inbound, t0.AddDays(-298), DeliveryStatus.Received);
            Add(MessageDirection.Outbound, t0, DeliveryStatus.Read);
            Add(MessageDirection.Note, t0.AddHours(1), DeliveryStatus.Sent);
            Add(MessageDirection.Inbound, t0.AddHours(4), DeliveryStatus.Received); // 4 h after ours
            Add(MessageDirection.Inbound, t0.AddHours(5), DeliveryStatus.Received); // follows their own
            Add(MessageDirection.Outbound, t0.AddHours(10), DeliveryStatus.Failed); // asked, though it failed
            Add(MessageDirection.Inbound, t0.AddHours(12), DeliveryStatus.Received); // 2 h after ours
            Add(MessageDirection.Outbound, t0.AddHours(20), DeliveryStatus.Delivered); // not answered yet
            await db.SaveChangesAsync(Ct);
        }

        await using var read = app.CreateDbContext();
        var facts = await LeadFactsLoader.LoadAsync(read, read.Set<Lead>().Where(l => l.Id == seeded.LeadId), Ct);
        var engagement = Assert.Single(facts).Engagement;
        Assert.Equal(3, engagement.Outbound);
        Assert.Equal(t0.AddHours(20), engagement.LastOutboundAt);
        Assert.Equal(3.0, engagement.ReplyHours);
        Assert.Equal(conversation, engagement.LatestConversationId);
    }
}

[Collection(nameof(SqlitePlanner))]
public sealed class LeadFactsLoaderSqliteTests(SqlitePlannerApp app) : LeadFactsLoaderTests(app);

[Collection(nameof(PostgresPlanner))]
public sealed class LeadFactsLoaderPostgresTests(PostgresPlannerApp app) : LeadFactsLoaderTests(app);
