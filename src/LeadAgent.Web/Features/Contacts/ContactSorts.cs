using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Contacts;

/// <summary>The contact list's sortable columns, sorted in SQL ("sort" of the API list and of the page).</summary>
public static class ContactSorts
{
    public const string Default = "name";
    public static readonly string[] Fields = ["name", "company", "email", "createdAt", "updatedAt"];

    public static readonly SortColumns<Contact> Columns = new SortColumns<Contact>(Default)
        .Add("name", c => c.FirstName + " " + (c.LastName ?? ""))
        .Add("company", c => c.Company != null ? c.Company.Name : null)
        // The e-mail the list shows first: the primary one, else the first by address.
        .Add("email", c => c.Identities.Where(i => i.Kind == IdentityKind.Email)
            .OrderByDescending(i => i.IsPrimary).ThenBy(i => i.Value).Select(i => i.Value).FirstOrDefault())
        .Add("createdAt", c => c.CreatedAt)
        .Add("updatedAt", c => c.UpdatedAt);
}
