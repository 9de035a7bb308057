namespace LeadAgent.Web.Infrastructure.Auth;

/// <summary>Authorization policies; every endpoint and page names one.</summary>
public static class Policies
{
    /// <summary>Any signed-in role may read.</summary>
    public const string Read = "read";
    /// <summary>Sales and admins change CRM data.</summary>
    public const string Write = "write";
    /// <summary>Users, settings and the global audit log.</summary>
    public const string Admin = "admin";
}
