using LeadAgent.Tests.Fakes;
using LeadAgent.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;

namespace LeadAgent.Tests.Infrastructure;

/// <summary>The app connected to a local fake Respond.io (real HTTP on loopback), with short retry delays.</summary>
public class InboxApp(Provider provider) : AppFactory(provider)
{
    public FakeRespondIo Fake { get; private set; } = null!;

    protected override async Task BeforeStartAsync() => Fake = await FakeRespondIo.StartAsync();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("RespondIo:BaseUrl", Fake.Url);
        builder.UseSetting("RespondIo:ApiToken", FakeRespondIo.Token);
        builder.UseSetting("Inbox:RetrySeconds", "1");
        builder.UseSetting("Inbox:PollSeconds", "1");
        builder.UseSetting("Inbox:HttpTimeoutSeconds", "2");
        builder.UseSetting("Inbox:LeaseSeconds", "3");
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
