using System.Net;
using System.Text.Json;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Inbox.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Inbox;

/// <summary>Event ids dedupe whatever their JSON type.</summary>
public abstract partial class RespondIoWebhookTests
{
    [Fact]
    public async Task A_numeric_event_id_and_the_same_id_as_a_string_are_one_event()
    {
        using var client = App.CreateClient();
        var id = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);
        var numeric = MessageReceived("0", "91001", "Nummer").Replace("\"event_id\":\"0\"", $"\"event_id\":{id}",
            StringComparison.Ordinal);
        var text = numeric.Replace($"\"event_id\":{id}", $"\"event_id\":\"{id}\"", StringComparison.Ordinal);
        var duplicates = new List<bool>();
        foreach (var body in new[] { numeric, numeric, text })
        {
            var response = await client.SendAsync(Delivery(body, Sign(body)), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var receipt = await response.ReadAsync<JsonElement>();
            Assert.Equal(id.ToString(), receipt.GetProperty("eventId").GetString());
            duplicates.Add(receipt.GetProperty("duplicate").GetBoolean());
        }
        Assert.Equal([false, true, true], duplicates);
        await using var db = App.CreateDbContext();
        Assert.Equal(1, await db.WebhookEvents.CountAsync(e => e.Body.Contains("91001") && e.Body.Contains("Nummer"),
            Ct));
    }
}
