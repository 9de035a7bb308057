using LeadAgent.Web.Features.Accounts;

namespace LeadAgent.Web.Ui;

public static class UiModule
{
    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // Sign-in and sign-out belong to the accounts feature.
        app.MapSignInEndpoints();
        return app;
    }
}
