using System.Security.Claims;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Features.Inbox.Providers.Sandbox;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Settings;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Limits;
using LeadAgent.Web.Infrastructure.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Inbox;

internal static class InboxEndpoints
{
    public static void MapInboxApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("inbox", "Inbox");
        g.MapGet("/conversations", (InboxQueries s, [AsParameters] InboxQuery q, ClaimsPrincipal user,
            CancellationToken ct) => s.ListAsync(q, user.UserId(), ct))
            .WithSummary("Conversations across all channels, newest activity first, with the current user's unread " +
                "and the review counts")
            .HeavyQuery();
        g.MapGet("/conversations/{id:guid}", (InboxQueries s, Guid id, ClaimsPrincipal user, CancellationToken ct) =>
            s.GetAsync(id, user.UserId(), ct))
            .WithSummary("A conversation: timeline, contact/company/lead, the reply window and usable templates")
            .ProducesProblem(404);
        g.MapPost("/conversations/{id:guid}/messages", async Task<Created<MessageDto>> (InboxCommands s, Guid id,
            ReplyInput input, CancellationToken ct) =>
        {
            var message = await s.ReplyAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/inbox/conversations/{id}", message);
        }).Writes()
            .WithSummary("Reply with text or a template; checked against the channel's rules, then queued (status " +
                "Pending)");
        g.MapPost("/conversations/{id:guid}/notes", (InboxCommands s, Guid id, ConversationNoteInput input,
            CancellationToken ct) => s.AddNoteAsync(id, input, ct))
            .Writes().WithSummary("Internal note on the timeline (never sent)");
        g.MapPost("/conversations/{id:guid}/assign", (InboxCommands s, Guid id, AssignInput input,
            CancellationToken ct) => s.AssignAsync(id, input, ct))
            .Writes().WithSummary("Assign to a user (null unassigns); mirrored to Respond.io when connected");
        g.MapPost("/conversations/{id:guid}/status", (InboxCommands s, Guid id, StatusInput input,
            CancellationToken ct) => s.SetStatusAsync(id, input, ct))
            .Writes().WithSummary("Open or close; mirrored to Respond.io when connected");
        g.MapPost("/conversations/{id:guid}/snooze", (InboxCommands s, Guid id, SnoozeInput input,
            CancellationToken ct) => s.SnoozeAsync(id, input, ct))
            .Writes().WithSummary("Snooze until a time (or a preset in the user's time zone): out of the open list, " +
                "then open and unread again");
        g.MapDelete("/conversations/{id:guid}/snooze", (InboxCommands s, Guid id, CancellationToken ct) =>
            s.UnsnoozeAsync(id, ct))
            .Writes().WithSummary("Bring a snoozed conversation back now");
        g.MapPost("/conversations/{id:guid}/read", async Task<NoContent> (InboxCommands s, Guid id,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            await s.MarkReadAsync(id, user.UserId(), ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404).WithSummary("Mark as read for the current user (others still see it unread)");
        g.MapPost("/conversations/{id:guid}/contact", (InboxCommands s, Guid id, ContactChoice input,
            CancellationToken ct) => s.ChooseContactAsync(id, input, ct))
            .Writes().WithSummary("Match the sender to a contact (review list for ambiguous senders)");

        g.MapGet("/templates", (TemplateService s, CancellationToken ct) => s.ListAsync(ct))
            .WithSummary("Reply templates (local and synced WhatsApp)");
        g.MapPost("/templates", (TemplateService s, TemplateInput input, CancellationToken ct) =>
            s.SaveAsync(null, input, ct)).Writes()
            .WithSummary("Create a team template (text with {{contact.first_name}}-style variables)");
        g.MapPut("/templates/{id:guid}", (TemplateService s, Guid id, TemplateInput input, CancellationToken ct) =>
            s.SaveAsync(id, input, ct)).Writes()
            .WithSummary("Change a team template (synced WhatsApp templates are read-only)");
        g.MapDelete("/templates/{id:guid}", async Task<NoContent> (TemplateService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).Writes().WithSummary("Delete a team template");
        g.MapPost("/templates/{id:guid}/preview", (InboxCommands s, Guid id, TemplatePreviewInput input,
            ClaimsPrincipal user, CancellationToken ct) =>
            s.PreviewAsync(id, input, user.UserId(), ct))
                .WithSummary("Render a template for a conversation, listing missing values");
        g.MapPost("/templates/sync", async (TemplateService s, CancellationToken ct) =>
            new { synced = await s.SyncWhatsAppAsync(ct) })
            .RequireAuthorization(Policies.Admin)
                .WithSummary("Fetch WhatsApp templates of every WhatsApp channel from Respond.io");

        g.MapGet("/suppressions", (SuppressionService s, CancellationToken ct) => s.ListAsync(ct))
            .WithSummary("E-mail addresses nothing may be sent to");
        g.MapPost("/suppressions", (SuppressionService s, SuppressionInput input, CancellationToken ct) =>
            s.AddAsync(input, ct)).Writes()
            .WithSummary("Suppress an address (unsubscribed, bounced, complained)");
        g.MapDelete("/suppressions/{id:guid}", async Task<NoContent> (SuppressionService s, Guid id,
            CancellationToken ct) =>
        {
            await s.RemoveAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Admin).ProducesProblem(404)
            .WithSummary("Allow sending to an address again (admin)");

        g.MapPost("/sandbox/messages", (SandboxService s, SandboxMessageInput input, CancellationToken ct) =>
            s.ReceiveAsync(input, ct))
            .Writes().WithSummary("Sandbox: play the customer and send an inbound message through the real ingestion " +
                "path");

        g.MapPost("/backfill", (BackfillService s, BackfillInput? input, CancellationToken ct) =>
            s.RunAsync(input ?? new BackfillInput(), ct))
            .RequireAuthorization(Policies.Admin).ProducesValidationProblem().ProducesProblem(409)
            .WithSummary("Queue the recent history of Respond.io contacts (idempotent; processed in the background)");
        g.MapGet("/settings", (RespondIoConnection c) => SettingsView(c.Current)).RequireAuthorization(Policies.Admin)
            .WithSummary("The Respond.io connection, secrets masked");
        g.MapPut("/settings", async (RespondIoConnection c, RespondIoSettingsInput input, ClaimsPrincipal user,
            TimeProvider time, PrivateNetworkGuard network, CancellationToken ct) =>
        {
            await input.ValidateAsync(network, ct);
            await c.SaveAsync(input.BaseUrl, input.ApiToken, input.WebhookSigningKeys,
                user.FindFirstValue(ClaimTypes.Email) ?? "admin", time, ct);
            return SettingsView(c.Current);
        }).RequireAuthorization(Policies.Admin).ProducesValidationProblem()
            .WithSummary("Save the connection: a null field keeps its value, an empty one clears it; secrets are " +
                "stored encrypted");
        g.MapPost("/settings/test", (ConnectionTester t, CancellationToken ct) => t.TestAsync(ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Test the connection: lists the workspace's channels and remembers them");
    }

    private static RespondIoSettingsView SettingsView(RespondIoSettings s) => RespondIoSettingsView.Of(s);
}
