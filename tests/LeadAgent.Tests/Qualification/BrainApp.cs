using LeadAgent.Web.Features.Qualification.Work;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Qualification;

/// <summary>
/// The app with its qualification worker's loop off: tests run the worker's rounds themselves
/// (<see cref="WorkAllAsync"/>), so what was queued and what was judged is certain at each step.
/// </summary>
public class BrainApp(Provider provider) : AppFactory(provider)
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Qualification:Worker", "false");
    }

    public QualificationWorker Worker => Services.GetRequiredService<QualificationWorker>();

    /// <summary>Works the queue until it is empty (the periodic sweep waits for its next time).</summary>
    public async Task<int> WorkAllAsync()
    {
        var rounds = 0;
        while (await Worker.WorkOnceAsync(Ct))
        {
            rounds++;
        }
        return rounds;
    }
}

public sealed class SqliteBrainApp() : BrainApp(Provider.Sqlite);

public sealed class PostgresBrainApp() : BrainApp(Provider.Postgres);

[CollectionDefinition(nameof(SqliteBrain))]
public sealed class SqliteBrain : ICollectionFixture<SqliteBrainApp>;

[CollectionDefinition(nameof(PostgresBrain))]
public sealed class PostgresBrain : ICollectionFixture<PostgresBrainApp>;
