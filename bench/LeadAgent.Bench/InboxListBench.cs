using System.Data.Common;
using System.Diagnostics;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 4 target: the inbox's first page with filters and unread counts over 100,000 conversations and 1,000,000
/// messages, p95 under 30 ms on both databases; each filter set timed through the app's own query
/// (<see cref="InboxQueries.ListAsync"/>: page, unread count, to-match count) next to hand-written SQL for the same
/// page.
/// </summary>
internal static class InboxListBench
{
    private const int Iterations = 200;

    public static async Task RunAsync(DatabaseProvider provider, int conversations)
    {
        var database = await BenchDatabase.CreateAsync(provider, "inbox");
        var sw = Stopwatch.StartNew();
        var users = await SeedAsync(database, conversations, conversations * 10);
        Console.WriteLine($"inbox on {provider}: seeded {conversations:N0} conversations and "
            + $"{conversations * 10:N0} messages in {sw.Elapsed.TotalSeconds:F1} s");
        var queries = new InboxQueries(database, TimeProvider.System, null!, new PolicyCheck(TimeProvider.System));
        var me = users[0];
        var cases = new (string Name, InboxQuery Query, string Where)[]
        {
            ("open, newest first", new InboxQuery { Status = ConversationStatus.Open }, "c.\"Status\" = 'Open'"),
            ("assigned to me, open", new InboxQuery { Status = ConversationStatus.Open, Assigned = AssignedFilter.Me },
                $"c.\"Status\" = 'Open' AND c.\"AssigneeId\" = '{me}'"),
            ("WhatsApp, unread", new InboxQuery { Channel = ChannelKind.WhatsApp, Unread = true },
                "ch.\"Kind\" = 'WhatsApp' AND c.\"InboundCount\" > 0"),
            ("unassigned, lead Qualified",
                new InboxQuery { Assigned = AssignedFilter.Unassigned, LeadStatus = LeadStatus.Qualified },
                "c.\"AssigneeId\" IS NULL AND EXISTS (SELECT 1 FROM \"Leads\" l "
                + "WHERE l.\"PrimaryContactId\" = c.\"ContactId\" AND l.\"Status\" = 'Qualified')"),
        };
        foreach (var (name, query, where) in cases)
        {
            var app = new Stats($"app: {name}");
            var raw = new Stats($"raw SQL: {name}");
            for (var i = 0; i < Iterations + 10; i++)
            {
                var warm = i < 10;
                var sample = Stopwatch.StartNew();
                var page = await queries.ListAsync(query with { Limit = 50 }, me);
                if (!warm)
                {
                    Record(app, sample);
                }
                var rawSample = Stopwatch.StartNew();
                var rows = await RawAsync(database, where);
                if (!warm)
                {
                    Record(raw, rawSample);
                }
                if (i == 0 && page.Items.Count == 0 && rows == 0)
                {
                    Console.WriteLine($"  (no rows for '{name}')");
                }
            }
            Console.WriteLine($"  {app}   target p95 < 30 ms: {(app.P(0.95) < 30 ? "met" : "MISSED")}");
            Console.WriteLine($"  {raw}   ratio p95 {app.P(0.95) / raw.P(0.95):F1}x");
        }
    }

    private static void Record(Stats stats, Stopwatch sample) => stats.Add(sample.Elapsed.TotalMilliseconds);

    // The same page and the same two counts in plain SQL.
    private static async Task<int> RawAsync(BenchDatabase database, string where)
    {
        await using var db = database.CreateDbContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
            SELECT c."Id", c."DisplayName", c."LastMessageAt", c."LastMessagePreview", c."InboundCount", ch."Name",
                   ct."FirstName", co."Name"
            FROM "Conversations" c JOIN "InboxChannels" ch ON ch."Id" = c."ChannelId"
            LEFT JOIN "Contacts" ct ON ct."Id" = c."ContactId" LEFT JOIN "Companies" co ON co."Id" = ct."CompanyId"
            WHERE {where} ORDER BY c."LastMessageAt" DESC, c."Id" DESC LIMIT 51;
            SELECT COUNT(*) FROM "Conversations" WHERE "InboundCount" > 0;
            SELECT COUNT(*) FROM "Conversations" WHERE "Match" <> 'Matched';
            """;
        var rows = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }
        await reader.NextResultAsync();
        await reader.NextResultAsync();
        return rows;
    }

    private static async Task<List<string>> SeedAsync(BenchDatabase database, int conversationCount, int messageCount)
    {
        var rnd = new Random(42);
        var now = DateTime.UtcNow;
        await using var db = database.CreateDbContext();
        var users = Enumerable.Range(0, 8).Select(i => new AppUser
        {
            UserName = $"agent{i}@bench.local",
            Email = $"agent{i}@bench.local",
            NormalizedEmail = $"AGENT{i}@BENCH.LOCAL",
            NormalizedUserName = $"AGENT{i}@BENCH.LOCAL",
            DisplayName = $"Agent {i}",
            CreatedAt = now,
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        var channels = new[] { ChannelKind.WhatsApp, ChannelKind.Instagram, ChannelKind.Facebook, ChannelKind.Email }
            .Select((k, i) => new Channel
            {
                Provider = RespondIoProvider.ProviderKey,
                ExternalId = $"{100 + i}",
                Name = $"{k} channel",
                Source = k.ToString().ToLowerInvariant(),
                Kind = k,
                CreatedAt = now,
            }).ToList();
        var companies = Enumerable.Range(0, 5000).Select(i => new Company
        {
            Name = $"Company {i}",
            NameKey = $"company {i}",
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }).ToList();
        var contacts = Enumerable.Range(0, conversationCount).Select(i => new Contact
        {
            FirstName = $"Person {i}",
            CompanyId = companies[i % companies.Count].Id,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }).ToList();
        var statuses = Enum.GetValues<LeadStatus>();
        var leads = contacts.Select((c, i) => new Lead
        {
            Title = $"Lead {i}",
            CompanyId = c.CompanyId!.Value,
            PrimaryContactId = c.Id,
            Status = statuses[rnd.Next(statuses.Length)],
            Source = LeadSource.InboundMessage,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
            Version = 1,
        }).ToList();
        var conversations = contacts.Select((c, i) =>
        {
            var at = now.AddMinutes(-rnd.Next(0, 60 * 24 * 180));
            return new Conversation
            {
                ChannelId = channels[i % 4].Id,
                ExternalContactId = $"{900000 + i}",
                ContactId = c.Id,
                DisplayName = c.FirstName,
                Match = rnd.Next(200) == 0 ? MatchState.Ambiguous : MatchState.Matched,
                Status = rnd.Next(3) == 0 ? ConversationStatus.Closed : ConversationStatus.Open,
                StatusChangedAt = at,
                LastMessageAt = at,
                LastInboundAt = at,
                LastMessagePreview = "Hello, we need a quote",
                InboundCount = rnd.Next(20) == 0 ? rnd.Next(1, 4) : 0,
                AssigneeId = rnd.Next(3) == 0 ? null : users[rnd.Next(users.Count)].Id,
                CreatedAt = at,
                UpdatedAt = at,
            };
        }).ToList();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, channels, CancellationToken.None);
            await BulkInsert.WriteAsync(db, companies, CancellationToken.None);
            await BulkInsert.WriteAsync(db, contacts, CancellationToken.None);
            await BulkInsert.WriteAsync(db, leads, CancellationToken.None);
            await BulkInsert.WriteAsync(db, conversations, CancellationToken.None);
            await tx.CommitAsync();
        }
        for (var start = 0; start < messageCount; start += 100_000)
        {
            var chunk = Enumerable.Range(start, Math.Min(100_000, messageCount - start)).Select(i =>
            {
                var c = conversations[i % conversations.Count];
                var inbound = i % 2 == 0;
                return new Message
                {
                    ConversationId = c.Id,
                    Direction = inbound ? MessageDirection.Inbound : MessageDirection.Outbound,
                    Type = "text",
                    Text = $"Message {i} about badges and lanyards",
                    ProviderMessageId = $"{7_000_000_000L + i}",
                    Status = inbound ? DeliveryStatus.Received : DeliveryStatus.Read,
                    At = c.LastMessageAt.AddMinutes(-(i / conversations.Count)),
                    CreatedAt = c.LastMessageAt,
                };
            }).ToList();
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.WriteAsync(db, chunk, CancellationToken.None);
            await tx.CommitAsync();
        }
        // Fresh statistics, as a long-running database would have.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return users.Select(u => u.Id).ToList();
    }
}
