using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadAgent.Tests.Live;

/// <summary>
/// Open pages hear of changes to their record: saves on this instance at once, changes made elsewhere (another
/// instance, or around the app) at the next poll of the version, driven here by a fake clock.
/// </summary>
public abstract class RecordWatchTests(AppFactory app)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_save_tells_who_watches_the_record_its_new_version_and_who_saved_it()
    {
        var (user, token) = await app.CreateUserAsync(Roles.Sales);
        var api = app.TokenClient(token);
        var company = await api.CreateAsync(Make.Company());
        var lead = await api.CreateAsync(Make.Lead(company, "Heard"));
        var other = await api.CreateAsync(Make.Lead(company, "Not watched"));
        var changes = app.Services.GetRequiredService<RecordChanges>();
        var heard = new List<RecordChange>();
        using (changes.Watch(nameof(Lead), lead.Id, c => heard.Add(c)))
        {
            Assert.True(changes.IsWatched(nameof(Lead), lead.Id));
            Assert.False(changes.IsWatched(nameof(Lead), other.Id));
            await api.PutJsonAsync($"/api/v1/leads/{lead.Id}",
                Make.Lead(company, "Heard, changed") with { Version = lead.Version });
            await api.PutJsonAsync($"/api/v1/leads/{other.Id}",
                Make.Lead(company, "Other, changed") with { Version = other.Version });
        }
        var change = Assert.Single(heard);
        Assert.Equal((nameof(Lead), lead.Id, lead.Version + 1, user.Id), (change.Type, change.Id, change.Version,
            change.UserId));
        Assert.False(changes.IsWatched(nameof(Lead), lead.Id));
    }

    [Fact]
    public async Task The_poll_sees_a_change_written_around_the_app_once()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var company = await api.CreateAsync(Make.Company());
        var lead = await api.CreateAsync(Make.Lead(company, "Polled"));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var reports = new List<RecordState>();
        var reported = new TaskCompletionSource<RecordState>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var watch = Watch(lead, clock, null, (state, _) =>
        {
            lock (reports)
            {
                reports.Add(state);
            }
            reported.TrySetResult(state);
            return Task.CompletedTask;
        });

        // Another instance's save, as this one sees it: only the row changed, nobody here was told.
        await using (var db = app.CreateDbContext())
        {
            await db.Leads.Where(l => l.Id == lead.Id).ExecuteUpdateAsync(u => u
                .SetProperty(l => l.Title, "Changed elsewhere").SetProperty(l => l.Version, l => l.Version + 1), Ct);
        }
        Assert.False(reported.Task.IsCompleted);

        clock.Advance(Interval);
        var state = await reported.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(lead.Version + 1, state.Version);

        // Seen once: the next reads find nothing new.
        clock.Advance(Interval);
        await watch.CheckNowAsync();
        lock (reports)
        {
            Assert.Single(reports);
        }
    }

    [Fact]
    public async Task The_pages_own_saves_are_not_reported_and_a_deletion_is()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var company = await admin.CreateAsync(Make.Company());
        var lead = await admin.CreateAsync(Make.Lead(company, "Own"));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var origin = new object();
        var reported = new TaskCompletionSource<(RecordState, RecordChange?)>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        await using var watch = Watch(lead, clock, origin, (state, hint) =>
        {
            reported.TrySetResult((state, hint));
            return Task.CompletedTask;
        });

        // This page's own save: taken as seen, also when the poll reads it.
        var changes = app.Services.GetRequiredService<RecordChanges>();
        await using (var db = app.CreateDbContext())
        {
            await db.Leads.Where(l => l.Id == lead.Id).ExecuteUpdateAsync(u => u
                .SetProperty(l => l.Version, l => l.Version + 1), Ct);
        }
        changes.Publish([new RecordChange(nameof(Lead), lead.Id, lead.Version + 1, null, "me", origin)]);
        await watch.CheckNowAsync();
        Assert.False(reported.Task.IsCompleted);

        // Someone else deletes it: heard at once, no tick needed.
        var deleted = await admin.DeleteAsync($"/api/v1/leads/{lead.Id}", Ct);
        Assert.True(deleted.IsSuccessStatusCode);
        var (state, hint) = await reported.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Null(state.Version);
        Assert.NotNull(hint);
        Assert.Null(hint.Version);
    }

    private RecordWatch<Lead> Watch(LeadRow lead, FakeTimeProvider clock, object? origin,
        Func<RecordState, RecordChange?, Task> changed)
    {
        var services = app.Services.CreateScope().ServiceProvider;
        return new RecordWatch<Lead>(services.GetRequiredService<RecordChanges>(),
            services.GetRequiredService<IDbContextFactory<AppDbContext>>(), clock, Interval, lead.Id, lead.Version,
            origin, changed);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class RecordWatchSqliteTests(SqliteApp app) : RecordWatchTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class RecordWatchPostgresTests(PostgresApp app) : RecordWatchTests(app);
