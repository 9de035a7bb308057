using System.Net;
using Microsoft.Extensions.Logging;

namespace LeadAgent.Tests.Inbox;

/// <summary>The inbox page rendered on the server (the first response, before the browser connects).</summary>
public abstract partial class InboxOutboxTests
{
    [Fact]
    public async Task Prerendering_the_inbox_page_logs_no_error()
    {
        var (_, conversation, _) = await ThreadAsync();
        using var viewer = await App.ClientAsync("viewer");
        foreach (var path in new[] { "/inbox", $"/inbox/{conversation}" })
        {
            var from = App.Logs.Mark;
            var response = await viewer.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            // The host logs "request finished" after the request's services (and so the page) are disposed.
            await App.EventuallyAsync(() => Task.FromResult(App.Logs.Entries.FirstOrDefault(e => e.Seq >= from
                && e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.EventId.Id == 2
                && e.Message.Contains(path, StringComparison.Ordinal))), $"request for {path} finished");
            var errors = App.Logs.Entries.Where(e => e.Seq >= from && e.Level >= LogLevel.Warning
                && (e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                    || $"{e.Exception}".Contains("Inbox", StringComparison.Ordinal)))
                .Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name}").ToList();
            Assert.Empty(errors);
        }
    }
}
