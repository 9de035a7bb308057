using System.Diagnostics.Metrics;
using LeadAgent.Web.Features.Qualification.Work;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Qualification.Work;

/// <summary>One node of a deployment sharing PostgreSQL; its qualification loop is off (the test drives it).</summary>
public sealed class BrainNode(string connectionString) : BrainApp(Provider.Postgres)
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("ConnectionStrings:LeadAgent", connectionString);
        builder.UseSetting("DataDirectory",
            Path.Combine(Path.GetTempPath(), "leadagent-tests", "node-" + Guid.NewGuid().ToString("N")));
        builder.UseSetting("Qualification:BatchSize", "20");
    }
}

/// <summary>Two app instances on one PostgreSQL work a shared queue: every queued change exactly once.</summary>
public sealed class TwoNodeQualificationTests
{
    [Fact]
    public async Task Two_nodes_work_each_queued_change_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        await using var a = new BrainNode(database.ConnectionString);
        await a.InitializeAsync();
        await using var b = new BrainNode(database.ConnectionString);
        await b.InitializeAsync();
        await using (var db = a.CreateDbContext())
        {
            db.AddRange(Enumerable.Range(0, 300).Select(_ => new QualificationWork
            {
                Target = WorkTarget.Lead,
                TargetId = Guid.NewGuid(),
                Reason = "test",
                DueAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync(Ct);
        }
        long done = 0;
        object[] nodes =
            [a.Services.GetRequiredService<IMeterFactory>(), b.Services.GetRequiredService<IMeterFactory>()];
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only these two nodes' meters: other tests in this process work queues of their own meanwhile.
            if (instrument.Meter.Name == QualificationMetrics.MeterName && instrument.Name.EndsWith(".queue.worked")
                && (instrument.Meter.Scope == nodes[0] || instrument.Meter.Scope == nodes[1]))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "outcome", Value: "done" })
                {
                    Interlocked.Add(ref done, value);
                }
            }
        });
        listener.Start();

        await Task.WhenAll(Task.Run(a.WorkAllAsync), Task.Run(b.WorkAllAsync));

        // The 300 changes and the one periodic sweep, each worked by exactly one node.
        Assert.Equal(301, Interlocked.Read(ref done));
        await using var check = b.CreateDbContext();
        Assert.Equal(1, check.Set<QualificationWork>().Count());
    }
}
