using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Features.Qualification.Work;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Qualification.Work;

/// <summary>
/// Changes queue judging in their own transaction, and the worker judges what was queued once and clears it; on
/// SQLite and PostgreSQL.
/// </summary>
public abstract class QualificationQueueTests(BrainApp app)
{
    private async Task<List<QualificationWork>> QueuedAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Set<QualificationWork>().AsNoTracking().Where(w => w.TargetId == id).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_saved_lead_company_and_order_queue_their_targets_and_the_worker_clears_them()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company());
        var lead = await c.CreateAsync(Make.Lead(company));
        Assert.Contains(await QueuedAsync(company.Id), w => w.Target == WorkTarget.Company && !w.ByRule);
        Assert.Contains(await QueuedAsync(lead.Id), w => w.Target == WorkTarget.Lead);

        await c.CreateAsync(Make.Order(company));
        Assert.True((await QueuedAsync(company.Id)).Count >= 2);

        Assert.True(await app.WorkAllAsync() >= 1);
        Assert.Empty(await QueuedAsync(company.Id));
        Assert.Empty(await QueuedAsync(lead.Id));
    }

    [Fact]
    public async Task A_message_queues_its_conversation_and_a_rule_actor_marks_its_own_changes()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company());
        await using (var db = app.CreateDbContext())
        {
            var channel = new Channel
            {
                Provider = "sandbox",
                ExternalId = Unique(),
                Name = "Sandbox",
                Source = "sandbox",
                Kind = ChannelKind.WhatsApp,
            };
            var conversation = new Conversation
            {
                ChannelId = channel.Id,
                ExternalContactId = Unique(),
                DisplayName = "Max",
                LastMessageAt = DateTime.UtcNow,
            };
            db.AddRange(channel, conversation, new Message
            {
                ConversationId = conversation.Id,
                Direction = MessageDirection.Inbound,
                Type = "text",
                Text = "Hallo",
                At = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
            Assert.Contains(await QueuedAsync(conversation.Id), w => w.Target == WorkTarget.Conversation);
        }

        await using var ruled = app.CreateDbContext(new Actor(ActorKind.System, null,
            QualificationTriggers.RuleActorPrefix + "Assign DACH"));
        var row = await ruled.Set<Web.Features.Companies.Company>().FirstAsync(x => x.Id == company.Id, Ct);
        row.City = "Köln";
        await ruled.SaveChangesAsync(Ct);
        Assert.Contains(await QueuedAsync(company.Id), w => w.ByRule);
    }

    [Fact]
    public async Task A_policy_entry_queues_one_sweep_and_the_periodic_sweep_moves_on()
    {
        await app.WorkAllAsync();
        await using var db = app.CreateDbContext();
        db.Add(new PolicyEntry
        {
            List = PolicyList.Block,
            Kind = PolicyKind.Domain,
            Value = $"{Unique()}.example",
            Reason = "test",
            AuthorName = "test",
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        var sweeps = await db.Set<QualificationWork>().AsNoTracking()
            .Where(w => w.Target == WorkTarget.Sweep && w.Id != QualificationWork.PeriodicSweepId).CountAsync(Ct);
        Assert.Equal(1, sweeps);

        await app.WorkAllAsync();
        var left = await db.Set<QualificationWork>().AsNoTracking().ToListAsync(Ct);
        var periodic = Assert.Single(left, w => w.Target == WorkTarget.Sweep);
        Assert.Equal(QualificationWork.PeriodicSweepId, periodic.Id);
        Assert.True(periodic.DueAt > DateTime.UtcNow.AddMinutes(30), "the periodic sweep waits for its next time");
        Assert.Null(periodic.LeaseOwner);
    }
}

[Collection(nameof(SqliteBrain))]
public sealed class SqliteQualificationQueueTests(SqliteBrainApp app) : QualificationQueueTests(app);

[Collection(nameof(PostgresBrain))]
public sealed class PostgresQualificationQueueTests(PostgresBrainApp app) : QualificationQueueTests(app);
