using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Features.Inbox.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Inbox;

/// <summary>Respond.io webhook intake: signatures, durable storage before the acknowledgement, redeliveries, bad
/// bodies; both databases.</summary>
public abstract partial class RespondIoWebhookTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The fixture, for the parts of this class in other files (primary constructor parameters are not seen there).
    private AppFactory App => app;

    public static string MessageReceived(string eventId, string messageId, string text) => $$$"""
        {"event_id":"{{{eventId}}}","event_type":"message.received",
         "contact":{"id":4711,"firstName":"Lena","lastName":"Vogt","phone":"+4915112345678",
                    "email":"lena@example.com","language":"de","profilePic":null,"countryCode":"DE",
                    "status":"open","assignee":null,"lifecycle":"New","created_at":1732400000},
         "message":{"messageId":{{{messageId}}},"channelMessageId":"wamid.{{{messageId}}}","contactId":4711,
                    "channelId":12,"traffic":"incoming",
                    "message":{"type":"text","text":{{{System.Text.Json.JsonSerializer.Serialize(text)}}}},
                    "timestamp":1732400100,"status":[]},
         "channel":{"id":12,"name":"WhatsApp Sales","source":"whatsapp_cloud","meta":"{}","created_at":1700000000}}
        """;

    private static HttpRequestMessage Delivery(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/respondio")
        {
            Content = new StringContent(body,
            Encoding.UTF8)
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-Webhook-Signature", signature);
        }
        return request;
    }

    private static string Sign(string body, int key = 0) => WebhookSignature.Sign(Encoding.UTF8.GetBytes(body),
        AppFactory.WebhookKeys[key]);

    [Fact]
    public async Task Signed_deliveries_are_stored_once_and_acknowledged_without_a_login()
    {
        using var client = app.CreateClient();
        var eventId = Guid.NewGuid().ToString();
        var body = MessageReceived(eventId, "90001", "Hallo, wir brauchen 500 Lanyards");
        var response = await client.SendAsync(Delivery(body, Sign(body)), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.ReadAsync<System.Text.Json.JsonElement>();
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());

        // Signed with the other webhook's key: also genuine.
        var other = MessageReceived(Guid.NewGuid().ToString(), "90002", "Und 300 Badges");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Delivery(other, Sign(other, 1)), Ct)).StatusCode);

        // An event type this version does not know is stored and acknowledged too.
        var unknown = $$$"""{"event_id":"{{{Guid.NewGuid()}}}","event_type":"call.ended","call":{"duration":42}}""";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Delivery(unknown, Sign(unknown)), Ct)).StatusCode);

        await using var db = app.CreateDbContext();
        var stored = await db.WebhookEvents.SingleAsync(e => e.EventId == eventId, Ct);
        Assert.Equal(("respondio", "message.received"), (stored.Provider, stored.EventType));
        // Stored first; the inbox worker may already have processed it.
        Assert.Contains(stored.Status, new[] { WebhookEventStatus.Received, WebhookEventStatus.Processed });
        Assert.Equal(body, stored.Body);
        Assert.True(await db.WebhookEvents.AnyAsync(e => e.EventType == "call.ended", Ct));
    }

    [Fact]
    public async Task Missing_wrong_or_foreign_signatures_get_401_and_nothing_is_stored()
    {
        using var client = app.CreateClient();
        var eventId = Guid.NewGuid().ToString();
        var body = MessageReceived(eventId, "90003", "Fake");
        foreach (var signature in new[] { null, "", "bm90IGEgc2lnbmF0dXJl", Sign(body + " "), WebhookSignature
            .Sign(Encoding.UTF8.GetBytes(body), "some-other-key") })
        {
            var response = await client.SendAsync(Delivery(body, signature), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        await using var db = app.CreateDbContext();
        Assert.False(await db.WebhookEvents.AnyAsync(e => e.EventId == eventId, Ct));
    }

    [Fact]
    public async Task Malformed_bodies_get_400_and_are_kept_oversized_ones_get_413()
    {
        using var client = app.CreateClient();
        var marker = Guid.NewGuid().ToString("N");
        var broken = $$"""{"event_id":"{{marker}}","event_type":"message.received","message":{""";
        var response = await client.SendAsync(Delivery(broken, Sign(broken)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kept for inspection", (await response.ProblemAsync()).GetProperty("detail").GetString());
        var noType = $$"""{"event_id":"{{Guid.NewGuid()}}","note":"{{marker}}"}""";
        Assert.Equal(HttpStatusCode.BadRequest,
            (await client.SendAsync(Delivery(noType, Sign(noType)), Ct)).StatusCode);

        var huge = MessageReceived(Guid.NewGuid().ToString(), "90004", new string('x', 1100 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge,
            (await client.SendAsync(Delivery(huge, Sign(huge)), Ct)).StatusCode);

        await using var db = app.CreateDbContext();
        var kept = await db.WebhookEvents.Where(e => e.Body.Contains(marker)).ToListAsync(Ct);
        Assert.Equal(2, kept.Count);
        Assert.All(kept, e => Assert.Equal(WebhookEventStatus.Malformed, e.Status));
        Assert.All(kept, e => Assert.NotNull(e.Error));
    }

    [Fact]
    public async Task The_same_event_delivered_twenty_times_at_once_is_stored_once()
    {
        using var client = app.CreateClient();
        var eventId = Guid.NewGuid().ToString();
        var body = MessageReceived(eventId, "90005", "Doppelt hält besser");
        var signature = Sign(body);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => client.SendAsync(Delivery(body, signature), Ct)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var receipts = await Task.WhenAll(responses.Select(r => r.ReadAsync<System.Text.Json.JsonElement>()));
        Assert.Equal(19, receipts.Count(r => r.GetProperty("duplicate").GetBoolean()));
        Assert.Single(receipts.Select(r => r.GetProperty("id").GetInt64()).Distinct());
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.WebhookEvents.CountAsync(e => e.EventId == eventId, Ct));
    }

    [Fact]
    public void Signature_matches_the_published_test_vector() =>
        Assert.Equal("UtAE5LaeNjrL33PUEQfh69YKw7UhrrkOL9tQN0+xIrI=", WebhookSignature
            .Sign(Encoding.UTF8.GetBytes("""{"event":"message","data":"test"}"""), "secret"));
}

public sealed class RespondIoWebhookSqliteTests(SqliteApp app) : RespondIoWebhookTests(app), IClassFixture<SqliteApp>;

public sealed class RespondIoWebhookPostgresTests(PostgresApp app) : RespondIoWebhookTests(app),
    IClassFixture<PostgresApp>;
