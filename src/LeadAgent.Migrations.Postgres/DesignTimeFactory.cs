using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeadAgent.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without starting the web app or a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly))
            .Options,
        SystemActorSource.Instance,
        TimeProvider.System);
}
