using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Inbox.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LeadAgent.Tests.Inbox;

/// <summary>
/// The app connected to a local fake Respond.io (real HTTP on loopback), on a fake clock: retries, backoff and
/// leases fall due when a test moves <see cref="Clock"/> on (<see cref="EventuallyAsync{T}"/> does while it waits),
/// never by sleeping. Only the HTTP timeout is real time (one second).
/// </summary>
public class InboxApp(Provider provider) : AppFactory(provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public FakeRespondIo Fake { get; private set; } = null!;

    /// <summary>Everything the app logs.</summary>
    public LogSink Logs { get; } = new();

    /// <summary>The app's time; starts at the real time so webhook timestamps made by tests look current.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override async Task BeforeStartAsync() => Fake = await FakeRespondIo.StartAsync(Clock);

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("RespondIo:BaseUrl", Fake.Url);
        builder.UseSetting("RespondIo:ApiToken", FakeRespondIo.Token);
        builder.UseSetting("Inbox:RetrySeconds", "1");
        builder.UseSetting("Inbox:PollSeconds", "1");
        builder.UseSetting("Inbox:HttpTimeoutSeconds", "1");
        builder.UseSetting("Inbox:LeaseSeconds", "3");
        builder.ConfigureLogging(l => l.AddProvider(Logs).AddFilter<LogSink>(null, LogLevel.Information));
        // Registered after the app's own TimeProvider.System, so this one is used.
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Moves the clock on and wakes the inbox worker, so whatever fell due is done now.</summary>
    public void Tick(TimeSpan by)
    {
        Clock.Advance(by);
        Services.GetRequiredService<InboxSignal>().Notify();
    }

    /// <summary>
    /// Polls until <paramref name="probe"/> finds something, moving the clock a second on between polls (retries and
    /// backoff of one or a few seconds fall due at once); fails after <paramref name="seconds"/> of real time.
    /// </summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Waited {seconds} s for: {what}");
            }
            Tick(TimeSpan.FromSeconds(1));
            await Task.Delay(50, Ct);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteInboxApp() : InboxApp(Provider.Sqlite);

public sealed class PostgresInboxApp() : InboxApp(Provider.Postgres);
