namespace LeadAgent.Web.Infrastructure.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Sales = "sales";
    public const string Viewer = "viewer";
    public static readonly string[] All = [Admin, Sales, Viewer];
}

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
