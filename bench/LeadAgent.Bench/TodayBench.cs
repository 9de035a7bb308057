using System.Diagnostics;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 15 target: "Plan the Today page for 100,000 leads: p95 ≤ 100 ms". Seeds leads with contacts, conversations
/// and order histories, plans them all with <see cref="PlannerService.PlanAsync"/> (throughput, then a second,
/// idempotent pass), then times <see cref="TodayQuery.LoadAsync"/> for one user owning ~5,000 leads next to a bare
/// SELECT of the same rows by the (owner, state, due) index.
/// </summary>
internal static class TodayBench
{
    private const int Iterations = 200, Owners = 20;

    public static async Task RunAsync(DatabaseProvider provider, int leadCount)
    {
        var database = await BenchDatabase.CreateAsync(provider, "today");
        var now = DateTime.UtcNow;
        var sw = Stopwatch.StartNew();
        var owners = await SeedAsync(database, leadCount, now);
        Console.WriteLine($"today on {provider}: seeded {leadCount:N0} leads in {sw.Elapsed.TotalSeconds:F1} s");

        var planner = new PlannerService(new PolicyCheck(TimeProvider.System), Options.Create(new PlannerOptions()));
        foreach (var pass in new[] { "first", "second (nothing new)" })
        {
            await using var db = database.CreateDbContext();
            sw.Restart();
            var s = await planner.PlanAsync(db, db.Set<Lead>(), CancellationToken.None);
            var seconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"  PlanAsync {pass} pass: {s.Leads:N0} leads in {seconds:F1} s = "
                + $"{s.Leads / seconds:N0} leads/s; created {s.Created:N0}, updated {s.Updated:N0}, "
                + $"obsolete {s.Obsoleted:N0}");
        }
        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE");
        }

        var me = owners[0];
        var app = new Stats("app: Today for one user");
        var raw = new Stats("raw SQL: the same rows by index");
        TodayDto? last = null;
        var rawRows = 0;
        for (var i = 0; i < Iterations + 10; i++)
        {
            var warm = i < 10;
            var sample = Stopwatch.StartNew();
            await using (var db = database.CreateDbContext())
            {
                last = await TodayQuery.LoadAsync(db, me, TimeZoneInfo.Utc, now, CancellationToken.None);
            }
            if (!warm)
            {
                app.Add(sample.Elapsed.TotalMilliseconds);
            }
            sample.Restart();
            rawRows = await RawAsync(database, me, TodayQuery.Day(now, TimeZoneInfo.Utc).End + TodayQuery.Ahead);
            if (!warm)
            {
                raw.Add(sample.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine($"  user's leads: {leadCount / Owners:N0} (about); Today groups: "
            + string.Join(", ", last!.Groups.Select(g => $"{g.Name} {g.Count:N0}")) + $"; raw rows {rawRows:N0}");
        Console.WriteLine($"  {app}   target p95 ≤ 100 ms: {(app.P(0.95) <= 100 ? "met" : "MISSED")}");
        Console.WriteLine($"  {raw}   ratio p95 {app.P(0.95) / raw.P(0.95):F1}x");
    }

    private static async Task<int> RawAsync(BenchDatabase database, string owner, DateTime horizon)
    {
        await using var db = database.CreateDbContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT "Id", "DueAt", "ExpiresAt", "SnoozedUntil" FROM "SalesTasks"
            WHERE "OwnerId" = @owner AND "State" IN ('Open', 'Snoozed') AND "DueAt" < @horizon
            """;
        var p1 = cmd.CreateParameter();
        p1.ParameterName = "@owner";
        p1.Value = owner;
        var p2 = cmd.CreateParameter();
        p2.ParameterName = "@horizon";
        p2.Value = database.Provider == DatabaseProvider.Sqlite
            ? horizon.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)
            : horizon;
        cmd.Parameters.Add(p1);
        cmd.Parameters.Add(p2);
        var rows = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }
        return rows;
    }

    // Leads with a primary contact (most reachable by e-mail), a third of the contacts in a conversation (some
    // waiting for an answer, some answered, some quiet), a tenth hot, a tenth without owner, and clients with order
    // histories (re-order reminders).
    internal static async Task<List<string>> SeedAsync(BenchDatabase database, int leadCount, DateTime now)
    {
        var rnd = new Random(15);
        var owners = Enumerable.Range(0, Owners).Select(i => new AppUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = $"seller{i}@bench",
            NormalizedUserName = $"SELLER{i}@BENCH",
            Email = $"seller{i}@bench",
            NormalizedEmail = $"SELLER{i}@BENCH",
            DisplayName = $"Seller {i}",
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAt = now,
        }).ToList();
        await using (var db = database.CreateDbContext())
        {
            db.Users.AddRange(owners);
            await db.SaveChangesAsync();
        }
        var today = DateOnly.FromDateTime(now);
        var companies = Enumerable.Range(0, leadCount / 5).Select(i =>
        {
            var orders = i % 4 == 0 ? rnd.Next(2, 8) : 0;
            var last = today.AddDays(-rnd.Next(1, 200));
            return new Company
            {
                Name = $"Company {i:D6}",
                NameKey = $"company {i:D6}",
                Domain = $"company{i}.example",
                OrderCount = orders,
                FirstOrderOn = orders > 0 ? last.AddDays(-90 * (orders - 1)) : null,
                LastOrderOn = orders > 0 ? last : null,
                OrderTotal = orders * 1000m,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            };
        }).ToList();
        var contacts = Enumerable.Range(0, leadCount).Select(i => new Contact
        {
            FirstName = $"Person {i}",
            CompanyId = companies[i % companies.Count].Id,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }).ToList();
        var identities = contacts.Where((_, i) => i % 10 != 0).Select((c, i) => new ContactIdentity
        {
            ContactId = c.Id,
            Kind = IdentityKind.Email,
            Value = $"person{i}@example.com",
            IsPrimary = true,
        }).ToList();
        var statuses = Enum.GetValues<LeadStatus>();
        var leads = contacts.Select((c, i) => new Lead
        {
            Title = $"Lead {i:D6}",
            CompanyId = c.CompanyId!.Value,
            PrimaryContactId = i % 20 == 7 ? null : c.Id,
            Status = rnd.Next(10) < 7 ? statuses[rnd.Next(4)] : statuses[rnd.Next(4, statuses.Length)],
            OwnerId = rnd.Next(10) == 0 ? null : owners[i % Owners].Id,
            Classification = (Classification)rnd.Next(3),
            Score = rnd.Next(0, 101),
            Source = LeadSource.Manual,
            Currency = "EUR",
            StatusChangedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }).ToList();
        var channels = Enum.GetValues<ChannelKind>().Take(4).Select((k, i) => new Channel
        {
            Provider = "bench",
            ExternalId = $"{100 + i}",
            Name = $"{k} channel",
            Source = k.ToString().ToLowerInvariant(),
            Kind = k,
            CreatedAt = now,
        }).ToList();
        var conversations = new List<Conversation>();
        var messages = new List<Message>();
        foreach (var (c, i) in contacts.Select((c, i) => (c, i)).Where(x => x.i % 3 == 0))
        {
            var inbound = now.AddMinutes(-rnd.Next(1, 60 * 24 * 14));
            var conversation = new Conversation
            {
                ChannelId = channels[i % channels.Count].Id,
                ExternalContactId = $"{900000 + i}",
                ContactId = c.Id,
                DisplayName = c.FirstName,
                Status = ConversationStatus.Open,
                StatusChangedAt = inbound,
                LastMessageAt = inbound,
                LastInboundAt = inbound,
                LastMessagePreview = "Hello, we need a quote for 500 badges",
                InboundCount = 1,
                CreatedAt = inbound,
                UpdatedAt = inbound,
            };
            conversations.Add(conversation);
            if (rnd.Next(2) == 0)
            {
                // Answered, sometimes long ago (a follow-up is due).
                messages.Add(new Message
                {
                    ConversationId = conversation.Id,
                    Direction = MessageDirection.Outbound,
                    Type = "text",
                    Text = "Here is our quote.",
                    Status = DeliveryStatus.Sent,
                    At = inbound.AddMinutes(rnd.Next(5, 600)),
                    CreatedAt = inbound,
                });
            }
        }
        await using (var db = database.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.WriteAsync(db, companies, CancellationToken.None);
            await BulkInsert.WriteAsync(db, contacts, CancellationToken.None);
            await BulkInsert.WriteAsync(db, identities, CancellationToken.None);
            await BulkInsert.WriteAsync(db, leads, CancellationToken.None);
            await BulkInsert.WriteAsync(db, channels, CancellationToken.None);
            await BulkInsert.WriteAsync(db, conversations, CancellationToken.None);
            await BulkInsert.WriteAsync(db, messages, CancellationToken.None);
            await tx.CommitAsync();
        }
        return owners.Select(o => o.Id).ToList();
    }
}
