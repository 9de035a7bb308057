namespace LeadAgent.Web.Data;

/// <summary>Role names as stored by ASP.NET Core Identity.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Sales = "sales";
    public const string Viewer = "viewer";
    public static readonly string[] All = [Admin, Sales, Viewer];
}
