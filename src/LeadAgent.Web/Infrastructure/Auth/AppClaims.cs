namespace LeadAgent.Web.Infrastructure.Auth;

/// <summary>Claims the app adds to a principal.</summary>
public static class AppClaims
{
    /// <summary>Set when a request authenticated with an API token: the token's id.</summary>
    public const string TokenId = "leadagent:token_id";
}
