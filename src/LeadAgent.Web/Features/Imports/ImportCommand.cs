using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// <c>import KIND FILE …</c>: queues a run like the API does and works it in this process, printing progress;
/// the run and its rejected rows are in the app's import history afterwards.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2
            || !Enum.TryParse<ImportKind>(args[0], ignoreCase: true, out var kind)
            || !File.Exists(args[1]))
        {
            await Console.Error.WriteLineAsync(args.Length >= 2 && !File.Exists(args[1])
                ? $"No such file: {args[1]}"
                : "usage: import companies|contacts|leads|orders FILE [--mode M] [--match K] [--country CC] "
                    + "[--delimiter D] [--encoding E] [--no-header] [--rejected OUT.csv]");
            return 2;
        }
        var settings = new ImportSettings(
            kind,
            Parse<ImportMode>(Cli.Option(args, "--mode")),
            Parse<MatchKey>(Cli.Option(args, "--match")),
            Cli.Option(args, "--country"),
            Cli.Option(args, "--encoding"),
            Cli.Option(args, "--delimiter"),
            args.Contains("--no-header") ? false : null);
        var file = args[1];
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(Data.Actor.System);
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        var run = await imports.StartAsync(file, await File.ReadAllBytesAsync(file), settings, null, "command line");
        Console.WriteLine($"Import {run.Id}: {run.TotalRows} rows of {kind} ({run.Encoding}, "
            + $"delimiter '{run.Delimiter}', mode {run.Mode}, match on {run.MatchKey}).");
        var columns = run.Mapping.OrderBy(m => m.Value).Select(m => $"{run.Headers[m.Value]} → {m.Key}");
        Console.WriteLine($"Columns: {string.Join(", ", columns)}");

        var processor = scope.ServiceProvider.GetRequiredService<ImportProcessor>();
        using var stop = new CancellationTokenSource();
        var work = processor.RunAsync(run.Id, stop.Token);
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(1000));
            var now = await imports.GetAsync(run.Id);
            Console.WriteLine($"  {now.RowsDone:N0} / {now.TotalRows:N0} rows ({now.Percent}%), "
                + $"{now.RowsPerSecond:N0} rows/s, {now.Rejected} rejected");
        }
        await work;
        var done = await imports.GetAsync(run.Id);
        Console.WriteLine($"{done.Status}: {done.Created} created, {done.Updated} updated, "
            + $"{done.Unchanged} unchanged, {done.Skipped} skipped, {done.Rejected} rejected; "
            + $"{done.RowsPerSecond:N0} rows/s.");
        if (done.Error is not null)
        {
            Console.WriteLine(done.Error);
        }
        if (Cli.Option(args, "--rejected") is { } path && done.Rejected > 0)
        {
            await using var output = File.Create(path);
            await imports.WriteIssuesCsvAsync(run.Id, RowOutcome.Rejected, output);
            Console.WriteLine($"Rejected rows written to {path} (with an error column).");
        }
        else if (done.Rejected > 0)
        {
            foreach (var issue in (await imports.IssuesAsync(run.Id, 10)).Where(i => i.Outcome == RowOutcome.Rejected))
            {
                Console.WriteLine($"  row {issue.RowNumber}: {issue.Message}");
            }
        }
        return done.Status == ImportStatus.Completed ? 0 : 1;
    }

    private static T? Parse<T>(string? text) where T : struct, Enum =>
        text is null ? null
        : ImportValues.TryEnum<T>(text, out var value) ? value
        : throw new ValidationFailedException(new Dictionary<string, string[]>
        {
            [typeof(T).Name] = [$"'{text}' is not one of: {string.Join(", ", Enum.GetNames<T>())}."],
        });
}
