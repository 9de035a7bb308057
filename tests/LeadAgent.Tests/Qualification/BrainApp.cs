using LeadAgent.Web.Features.Qualification.Work;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Qualification;

/// <summary>
/// The app on a database of its own for queue tests, whose counts must not see other tests' work. Like every test
/// app its qualification loop is off: tests run the worker's rounds themselves (<see cref="AppFactory.WorkAllAsync"/>).
/// </summary>
public class BrainApp(Provider provider) : AppFactory(provider)
{
    public QualificationWorker Worker => Services.GetRequiredService<QualificationWorker>();
}

public sealed class SqliteBrainApp() : BrainApp(Provider.Sqlite);

public sealed class PostgresBrainApp() : BrainApp(Provider.Postgres);

[CollectionDefinition(nameof(SqliteBrain))]
public sealed class SqliteBrain : ICollectionFixture<SqliteBrainApp>;

[CollectionDefinition(nameof(PostgresBrain))]
public sealed class PostgresBrain : ICollectionFixture<PostgresBrainApp>;
