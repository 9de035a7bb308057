using Microsoft.Playwright;

namespace LeadAgent.Tests.Browser;

/// <summary>Small helpers for MudBlazor inputs (test ids land on a wrapper or on the input itself).</summary>
internal static class Ui
{
    public static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], "
            + $"[data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;

    public static async Task FillAsync(IPage page, string testId, string value)
    {
        var input = Input(page, testId);
        await input.FillAsync(value);
        await input.BlurAsync();
    }

    /// <summary>
    /// The browser's Back. In-app pages change the address without loading a document, and Playwright's GoBack (like
    /// WaitForURL) can miss that event under load and wait for a load that never comes: callers check the address
    /// with <c>Expect(page).ToHaveURLAsync</c>, which polls it.
    /// </summary>
    public static Task BackAsync(IPage page) => page.EvaluateAsync("() => history.back()");

    /// <summary>Opens a MudSelect and picks the option with this text.</summary>
    public static async Task SelectAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = option }).First
            .ClickAsync();
        // Closing travels over the circuit (the list and its overlay go in the same render); a click made while
        // the overlay is still up lands on it and is lost. Under load an Escape pressed while the list re-renders
        // for the pick can go unheard (seen once in CI with a multi-select): press it again while the list is open.
        var open = page.Locator(".mud-popover-open");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            try
            {
                await Assertions.Expect(open).ToHaveCountAsync(0, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException)
            {
                // Still open: the next round presses Escape again.
            }
        }
        await Assertions.Expect(open).ToHaveCountAsync(0);
    }

    /// <summary>Types into a MudAutocomplete and picks the first suggestion containing the text.</summary>
    public static async Task AutocompleteAsync(IPage page, string testId, string text)
    {
        var input = Input(page, testId);
        await input.ClickAsync();
        await input.FillAsync(text);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = text }).First
            .ClickAsync();
        // The choice travels over the circuit; go on only once the component shows it and the list closed.
        await Assertions.Expect(input).ToHaveValueAsync(text);
        // Under load the search for the chosen text can finish after the choice and reopen the list, even more than
        // once: pick the same entry again (Escape would reset the text) until the list stays closed.
        var list = page.Locator(".mud-popover-open .mud-list-item");
        for (int attempt = 0, closedChecks = 0; attempt < 40 && closedChecks < 2; attempt++)
        {
            if (await list.CountAsync() > 0)
            {
                closedChecks = 0;
                var again = list.Filter(new() { HasTextString = text }).First;
                try
                {
                    await again.ClickAsync(new() { Timeout = 2_000 });
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    // The list closed or re-rendered under the click; look again.
                }
            }
            else
            {
                closedChecks++;
            }
            await page.WaitForTimeoutAsync(250);
        }
        await Assertions.Expect(list).ToHaveCountAsync(0);
        await Assertions.Expect(input).ToHaveValueAsync(text);
    }
}
