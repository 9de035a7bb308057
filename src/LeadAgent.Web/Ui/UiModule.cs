using LeadAgent.Web.Features.Accounts;

namespace LeadAgent.Web.Ui;

public static class UiModule
{
    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // Pages link the SVG icon; tools that ask for the classic path (bookmarks, feed readers) get it too.
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // Sign-in and sign-out belong to the accounts feature.
        app.MapSignInEndpoints();
        return app;
    }
}
