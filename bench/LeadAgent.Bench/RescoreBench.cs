using System.Diagnostics;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Features.Qualification.Scoring;
using LeadAgent.Web.Features.Qualification.Versions;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 15 target: rescore 100,000 leads after a weights change in ≤ 10 s on both databases
/// (<see cref="LeadScoring.RescoreAllAsync"/>: facts, scores, changed rows and history written), next to a raw
/// set-based update of every lead's score in the same run. Leads have companies with fits and orders, contacts with
/// e-mail, and conversations with four messages each.
/// </summary>
internal static class RescoreBench
{
    public static async Task RunAsync(DatabaseProvider provider, int leadCount)
    {
        var database = await BenchDatabase.CreateAsync(provider, "rescore");
        var sw = Stopwatch.StartNew();
        await SeedAsync(database, leadCount);
        Console.WriteLine($"rescore on {provider}: seeded {leadCount:N0} leads in {sw.Elapsed.TotalSeconds:F1} s");

        // First scoring: every lead is new to it, so every lead gets a history row.
        var first = await TimeAsync(database, db => LeadScoring.RescoreAllAsync(db, CancellationToken.None));
        Console.WriteLine($"  first scoring: {first.Result.Changed:N0} of {first.Result.Scored:N0} changed in "
            + $"{first.Seconds:F2} s");

        // A weights change that moves points from ICP fit to engagement: most scores change.
        await using (var db = database.CreateDbContext())
        {
            db.Add(new QualificationVersion
            {
                Kind = VersionKind.Weights,
                Number = 1,
                Json = System.Text.Json.JsonSerializer.Serialize(
                    ScoreWeights.Default with { IcpFit = 15, Engagement = 35 }, VersionStore.Json),
                AuthorName = "bench",
            });
            await db.SaveChangesAsync();
        }
        var app = await TimeAsync(database, db => LeadScoring.RescoreAllAsync(db, CancellationToken.None));
        var unchanged = await TimeAsync(database, db => LeadScoring.RescoreAllAsync(db, CancellationToken.None));

        sw.Restart();
        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"Leads\" SET \"Score\" = (\"Score\" + 1) % 100 WHERE \"ArchivedAt\" IS NULL");
        }
        var raw = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"  after a weights change: {app.Result.Changed:N0} of {app.Result.Scored:N0} changed "
            + $"in {app.Seconds:F2} s (target ≤ 10 s: {(app.Seconds <= 10 ? "met" : "MISSED")}); "
            + $"raw UPDATE of every score {raw:F2} s, ratio {app.Seconds / raw:F1}x");
        Console.WriteLine($"  again, nothing changed: {unchanged.Result.Changed:N0} written in "
            + $"{unchanged.Seconds:F2} s (reading and scoring only)");
    }

    private static async Task<(RescoreResult Result, double Seconds)> TimeAsync(
        BenchDatabase database, Func<AppDbContext, Task<RescoreResult>> f)
    {
        await using var db = database.CreateDbContext();
        var sw = Stopwatch.StartNew();
        var result = await f(db);
        return (result, sw.Elapsed.TotalSeconds);
    }

    private static async Task SeedAsync(BenchDatabase database, int leadCount)
    {
        var rnd = new Random(42);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var channels = new[] { ChannelKind.WhatsApp, ChannelKind.Email }.Select((k, i) => new Channel
        {
            Provider = RespondIoProvider.ProviderKey,
            ExternalId = $"{200 + i}",
            Name = $"{k} channel",
            Source = k.ToString().ToLowerInvariant(),
            Kind = k,
            CreatedAt = now,
        }).ToList();
        var companies = Enumerable.Range(0, Math.Max(1, leadCount / 4)).Select(i =>
        {
            var orders = rnd.Next(4) == 0 ? rnd.Next(1, 9) : 0;
            return new Company
            {
                Name = $"Company {i}",
                NameKey = $"company {i}",
                Domain = i % 3 == 0 ? null : $"company{i}.example",
                Country = i % 2 == 0 ? "DE" : "AT",
                Segment = (Segment)(i % 6),
                SizeBand = (SizeBand)(i % 6),
                OrderCount = orders,
                FirstOrderOn = orders > 0 ? today.AddDays(-rnd.Next(400, 1500)) : null,
                LastOrderOn = orders > 0 ? today.AddDays(-rnd.Next(0, 400)) : null,
                OrderTotal = orders * rnd.Next(500, 8000),
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            };
        }).ToList();
        var fits = companies.Where((_, i) => i % 5 != 0).Select(c => new CompanyFit
        {
            CompanyId = c.Id,
            Segment = c.Segment,
            Confidence = rnd.NextDouble(),
            FitScore = rnd.Next(0, 101),
            PotentialExpected = rnd.Next(3) == 0 ? null : rnd.Next(1000, 80_000),
            ClientSimilarity = rnd.Next(2) == 0 ? null : rnd.NextDouble(),
            ComputedAt = now,
        }).ToList();
        var contacts = Enumerable.Range(0, leadCount).Select(i => new Contact
        {
            FirstName = $"Person {i}",
            CompanyId = companies[i % companies.Count].Id,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }).ToList();
        var identities = contacts.Where((_, i) => i % 4 != 0).Select((c, i) => new ContactIdentity
        {
            ContactId = c.Id,
            Kind = i % 3 == 0 ? IdentityKind.Phone : IdentityKind.Email,
            Value = i % 3 == 0 ? $"+4930{i:D8}" : $"person{i}@example.org",
            IsPrimary = true,
        }).ToList();
        var statuses = Enum.GetValues<LeadStatus>();
        var leads = contacts.Select((c, i) => new Lead
        {
            Title = $"Lead {i}",
            CompanyId = c.CompanyId!.Value,
            PrimaryContactId = c.Id,
            Status = statuses[rnd.Next(statuses.Length)],
            Source = LeadSource.Import,
            ExpectedValue = i % 2 == 0 ? rnd.Next(1, 500) * 100m : null,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
            Version = 1,
        }).ToList();
        // Two leads in three have a conversation.
        var conversations = contacts.Where((_, i) => i % 3 != 0).Select((c, i) =>
        {
            var at = now.AddMinutes(-rnd.Next(0, 60 * 24 * 120));
            var inbound = rnd.Next(3) == 0 ? 0 : rnd.Next(1, 4);
            return new Conversation
            {
                ChannelId = channels[i % channels.Count].Id,
                ExternalContactId = $"{900000 + i}",
                ContactId = c.Id,
                DisplayName = c.FirstName,
                StatusChangedAt = at,
                LastMessageAt = at,
                LastInboundAt = inbound > 0 ? at : null,
                InboundCount = inbound,
                CreatedAt = at,
                UpdatedAt = at,
            };
        }).ToList();
        var messages = conversations.SelectMany((v, i) => Enumerable.Range(0, 4).Select(k => new Message
        {
            ConversationId = v.Id,
            Direction = k % 2 == 0 ? MessageDirection.Outbound : MessageDirection.Inbound,
            Type = "text",
            Text = "About badges",
            ProviderMessageId = $"{8_000_000_000L + i * 4 + k}",
            Status = k % 2 == 0 ? DeliveryStatus.Read : DeliveryStatus.Received,
            At = v.LastMessageAt.AddHours(-(4 - k) * (1 + i % 30)),
            CreatedAt = v.LastMessageAt,
        })).ToList();
        await using var db = database.CreateDbContext();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkInsert.WriteAsync(db, channels, CancellationToken.None);
            await BulkInsert.WriteAsync(db, companies, CancellationToken.None);
            await BulkInsert.WriteAsync(db, fits, CancellationToken.None);
            await BulkInsert.WriteAsync(db, contacts, CancellationToken.None);
            await BulkInsert.WriteAsync(db, identities, CancellationToken.None);
            await BulkInsert.WriteAsync(db, leads, CancellationToken.None);
            await BulkInsert.WriteAsync(db, conversations, CancellationToken.None);
            await BulkInsert.WriteAsync(db, messages, CancellationToken.None);
            await tx.CommitAsync();
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
