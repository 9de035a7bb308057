using System.Net.Http.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Browser;

/// <summary>
/// One view of each customer: the contact page shows how to reach them (mailto:, tel:, WhatsApp), their leads and
/// their conversations with a link into the inbox; on the lead page a call is logged and appears on the timeline.
/// </summary>
public sealed class CustomerViewTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Contact_and_lead_pages_show_the_whole_customer_and_a_logged_call()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var digits = $"151{Random.Shared.Next(10000000, 99999999)}";
        var company = await api.CreateAsync(Make.Company($"Kundenblick {tag}"));
        var contact = await api.CreateAsync(Make.Contact("Jana", company) with
        {
            LastName = $"Blick{tag}",
            Identities =
            [
                new IdentityInput(IdentityKind.Email, $"jana.{tag}@example.com", null, true),
                new IdentityInput(IdentityKind.Phone, $"+49 {digits}"),
            ],
        });
        var lead = await api.CreateAsync(Make.Lead(company, $"Booth {tag}") with { PrimaryContactId = contact.Id });
        (await api.PostAsJsonAsync("/api/v1/inbox/sandbox/messages", new
        {
            channel = "WhatsApp",
            name = "Jana",
            phone = $"+49{digits}",
            text = $"About booth {tag}: any news?",
        }, Ct)).EnsureSuccessStatusCode();

        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + $"/contacts/{contact.Id}");
        await BrowserApp.WaitForCircuitAsync(page);
        var points = page.Locator("[data-testid='contact-points']").First;
        await Expect(points.Locator("[data-testid='mailto']"))
            .ToHaveAttributeAsync("href", $"mailto:jana.{tag}@example.com");
        await Expect(points.Locator("[data-testid='tel']")).ToHaveAttributeAsync("href", $"tel:+49{digits}");
        await Expect(points.Locator("[data-testid='whatsapp']"))
            .ToHaveAttributeAsync("href", $"https://wa.me/49{digits}");
        await Expect(page.Locator("[data-testid='contact-leads']")).ToContainTextAsync($"Booth {tag}");
        // The inbox matches the sender to the contact by phone; the page shows the conversation once it exists.
        var conversation = page.Locator("[data-testid='record-conversation']");
        await Expect(conversation).ToContainTextAsync($"About booth {tag}", new() { Timeout = 30_000 });
        await BrowserApp.ShotAsync(page, "99-contact-one-view");
        var href = await conversation.GetAttributeAsync("href");
        Assert.StartsWith("/inbox/", href);

        await page.GotoAsync(app.BaseUrl + $"/leads/{lead.Id}");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid='lead-contact-points']")).ToContainTextAsync($"jana.{tag}@example.com");
        await Expect(page.Locator("[data-testid='record-conversation']")).ToHaveAttributeAsync("href", href!);
        await page.Locator("[data-testid='note-kind']").GetByText("Call", new() { Exact = true }).ClickAsync();
        await Ui.FillAsync(page, "note-outcome", "Reached, wants a quote");
        await Ui.FillAsync(page, "note-input", "Send the quote by Friday");
        await page.Locator("[data-testid='note-add']").ClickAsync();
        await Expect(page.Locator("[data-testid='note-head']").First).ToContainTextAsync("Reached, wants a quote");
        await Expect(page.Locator("[data-testid='timeline']")).ToContainTextAsync("call logged");
    }
}
